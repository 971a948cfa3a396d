/// Handles SessionEndedRequest. Whatever the handler does, the skill answers with the empty
/// response Alexa requires. `SessionEnded()` alone declares that the skill expects it.
public struct SessionEnded: RouteConvertible {
    /// The route this declaration makes.
    public let route: Route

    /// Declares session-end handling with nothing to do.
    public init() {
        route = Route(triggers: [.sessionEnded], linking: .public, body: .handler { _ in .empty })
    }

    /// Runs clean-up when a session ends (log the reason, release resources).
    /// - Parameter handler: the clean-up; its errors are logged.
    public init(_ handler: @escaping @Sendable (SessionEndedRequest, RequestContext) async throws -> Void) {
        route = Route(
            triggers: [.sessionEnded], linking: .public,
            body: .handler { input in
                if case .sessionEnded(let request) = input.request { try await handler(request, input.context) }
                return .empty
            })
    }
}

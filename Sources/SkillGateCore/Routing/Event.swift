/// Handles other request types by exact type name: `AudioPlayer.PlaybackStarted`,
/// `AlexaSkillEvent.SkillAccountLinked`, `Connections.Response`, or a type newer than SkillGate.
public struct Event: RouteConvertible {
    /// The route this declaration makes.
    public let route: Route

    /// Declares a handler for request types.
    /// - Parameters:
    ///   - types: the request type names.
    ///   - handler: builds the reply (often `.empty`).
    public init(_ types: String..., handler: @escaping @Sendable (Request, RequestContext) async throws -> SkillResponse) {
        route = Route(
            triggers: types.map(Route.Trigger.requestType), linking: .public,
            body: .handler { input in
                try await handler(input.request, input.context)
            })
    }
}

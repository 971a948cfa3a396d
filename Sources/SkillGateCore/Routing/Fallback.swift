/// Answers IntentRequests no other route matches (typically AMAZON.FallbackIntent's job too).
public struct Fallback: RouteConvertible {
    /// The route this declaration makes.
    public let route: Route

    /// Declares the fallback.
    /// - Parameter handler: builds the reply.
    public init(_ handler: @escaping @Sendable (IntentRequest, RequestContext) async throws -> SkillResponse) {
        route = Route(
            triggers: [.fallback], linking: .public,
            body: .handler { input in
                guard case .intent(let request) = input.request else { throw GateInvariantError() }
                return try await handler(request, input.context)
            })
    }
}

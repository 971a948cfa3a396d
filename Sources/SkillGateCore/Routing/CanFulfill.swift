/// Answers CanFulfillIntentRequest. Without it, SkillGate answers from the route table:
/// MAYBE for a routed intent, NO otherwise.
public struct CanFulfill: RouteConvertible {
    /// The route this declaration makes.
    public let route: Route

    /// Declares the answer.
    /// - Parameter handler: decides YES / NO / MAYBE, with no side effects.
    public init(_ handler: @escaping @Sendable (CanFulfillIntentRequest, RequestContext) async throws -> CanFulfillIntentAnswer) {
        route = Route(
            triggers: [.canFulfill], linking: .public,
            body: .handler { input in
                guard case .canFulfillIntent(let request) = input.request else { throw GateInvariantError() }
                return .canFulfill(try await handler(request, input.context))
            })
    }
}

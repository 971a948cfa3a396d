/// Handles IntentRequests for one or more intent names, with the linking policy in plain sight.
///
/// ```swift
/// Intent("OrderRideIntent", linking: .required) { request, context in … context.accessToken … }
/// Intent("RideHailerAvailabilityByCity", linking: .public) { request, _ in … }
/// ```
public struct Intent: RouteConvertible {
    /// The route this declaration makes.
    public let route: Route

    /// Intents that need the account: unlinked users get the link prompt and card.
    /// - Parameters:
    ///   - names: the intent names.
    ///   - linking: `.required` or `.required(prompt:)`.
    ///   - handler: builds the reply; `context.accessToken` is non-optional.
    public init(
        _ names: String..., linking: RequiredLinking,
        handler: @escaping @Sendable (IntentRequest, LinkedContext) async throws -> SkillResponse
    ) {
        route = Route(
            triggers: names.map(Route.Trigger.intent), linking: .required(prompt: linking.prompt),
            body: .handler { input in
                guard case .intent(let request) = input.request, let token = input.token else { throw GateInvariantError() }
                return try await handler(request, LinkedContext(accessToken: token, request: input.context))
            })
    }

    /// Intents that use the account when there is one.
    /// - Parameters:
    ///   - names: the intent names.
    ///   - linking: `.optional`.
    ///   - handler: builds the reply; `context.accessToken` is optional.
    public init(
        _ names: String..., linking: OptionalLinking,
        handler: @escaping @Sendable (IntentRequest, OptionallyLinkedContext) async throws -> SkillResponse
    ) {
        route = Route(
            triggers: names.map(Route.Trigger.intent), linking: .optional,
            body: .handler { input in
                guard case .intent(let request) = input.request else { throw GateInvariantError() }
                return try await handler(request, OptionallyLinkedContext(accessToken: input.token, request: input.context))
            })
    }

    /// Intents that never use the account.
    /// - Parameters:
    ///   - names: the intent names.
    ///   - linking: `.public`.
    ///   - handler: builds the reply.
    public init(
        _ names: String..., linking: NoLinking,
        handler: @escaping @Sendable (IntentRequest, RequestContext) async throws -> SkillResponse
    ) {
        route = Route(
            triggers: names.map(Route.Trigger.intent), linking: .public,
            body: .handler { input in
                guard case .intent(let request) = input.request else { throw GateInvariantError() }
                return try await handler(request, input.context)
            })
    }
}

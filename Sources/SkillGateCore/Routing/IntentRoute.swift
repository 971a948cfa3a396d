/// Handles IntentRequests for one or more intent names, with the linking policy in plain sight.
///
/// Inside a ``Skill`` write `Intent(…)`: it is this type for the skill's own `Account`, so a
/// `.required` handler reads `context.account` as that type, non-optional; an `.optional` one
/// gets an optional; a `.public` one gets a plain ``RequestContext`` with no account at all.
///
/// ```swift
/// Intent("OrderRideIntent", linking: .required) { request, context in … context.account.payment … }
/// Intent("RideHailerAvailabilityByCity", linking: .public) { request, _ in … }
/// ```
public struct IntentRoute<Account: Sendable>: RouteConvertible {
    /// The route this declaration makes.
    public let route: Route

    /// Intents that need the account: unlinked users (and tokens that do not resolve) get the
    /// link prompt and card.
    /// - Parameters:
    ///   - names: the intent names.
    ///   - linking: `.required` or `.required(prompt:)`.
    ///   - handler: builds the reply; `context.account` is non-optional.
    public init(
        _ names: String..., linking: RequiredLinking,
        handler: @escaping @Sendable (IntentRequest, LinkedContext<Account>) async throws -> SkillResponse
    ) {
        route = Route(
            triggers: names.map(Route.Trigger.intent), linking: .required(prompt: linking.prompt), accountType: Account.self,
            body: .handler { input in
                guard case .intent(let request) = input.request else { throw GateInvariantError() }
                return try await handler(request, try input.linkedContext(Account.self))
            })
    }

    /// Intents that use the account when there is one.
    /// - Parameters:
    ///   - names: the intent names.
    ///   - linking: `.optional`.
    ///   - handler: builds the reply; `context.account` is optional.
    public init(
        _ names: String..., linking: OptionalLinking,
        handler: @escaping @Sendable (IntentRequest, OptionallyLinkedContext<Account>) async throws -> SkillResponse
    ) {
        route = Route(
            triggers: names.map(Route.Trigger.intent), linking: .optional, accountType: Account.self,
            body: .handler { input in
                guard case .intent(let request) = input.request else { throw GateInvariantError() }
                return try await handler(request, input.optionallyLinkedContext(Account.self))
            })
    }

    /// Intents that never use the account: the gate does not even look at the token.
    /// - Parameters:
    ///   - names: the intent names.
    ///   - linking: `.public`.
    ///   - handler: builds the reply.
    public init(
        _ names: String..., linking: NoLinking,
        handler: @escaping @Sendable (IntentRequest, RequestContext) async throws -> SkillResponse
    ) {
        route = Route(
            triggers: names.map(Route.Trigger.intent), linking: .public, accountType: nil,
            body: .handler { input in
                guard case .intent(let request) = input.request else { throw GateInvariantError() }
                return try await handler(request, input.context)
            })
    }
}

/// `Intent` outside a ``Skill`` (in tests, or a route list built by hand): the account is the
/// access token itself, as with ``TokenAccounts``.
public typealias Intent = IntentRoute<AccessToken>

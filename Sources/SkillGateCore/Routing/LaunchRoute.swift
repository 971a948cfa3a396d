/// Handles LaunchRequest: the user opened the skill. Public unless a linking policy is given.
///
/// ```swift
/// Launch { _ in .ask("Welcome to Ride Hailer. Where would you like to go?") }
/// ```
public struct LaunchRoute<Account: Sendable>: RouteConvertible {
    /// The route this declaration makes.
    public let route: Route

    /// A public launch handler.
    /// - Parameters:
    ///   - linking: `.public` (the default).
    ///   - handler: builds the reply.
    public init(linking: NoLinking = .public, _ handler: @escaping @Sendable (RequestContext) async throws -> SkillResponse) {
        route = Route(
            triggers: [.launch], linking: .public, accountType: nil, body: .handler { input in try await handler(input.context) })
    }

    /// A launch handler that needs the account.
    /// - Parameters:
    ///   - linking: `.required` or `.required(prompt:)`.
    ///   - handler: builds the reply; the context carries the account.
    public init(linking: RequiredLinking, _ handler: @escaping @Sendable (LinkedContext<Account>) async throws -> SkillResponse) {
        route = Route(
            triggers: [.launch], linking: .required(prompt: linking.prompt), accountType: Account.self,
            body: .handler { input in try await handler(try input.linkedContext(Account.self)) })
    }

    /// A launch handler that uses the account when there is one.
    /// - Parameters:
    ///   - linking: `.optional`.
    ///   - handler: builds the reply; the context may carry the account.
    public init(
        linking: OptionalLinking, _ handler: @escaping @Sendable (OptionallyLinkedContext<Account>) async throws -> SkillResponse
    ) {
        route = Route(
            triggers: [.launch], linking: .optional, accountType: Account.self,
            body: .handler { input in try await handler(input.optionallyLinkedContext(Account.self)) })
    }
}

/// `Launch` outside a ``Skill``: the account is the access token itself.
public typealias Launch = LaunchRoute<AccessToken>

/// Handles LaunchRequest: the user opened the skill. Public unless a linking policy is given.
///
/// ```swift
/// Launch { _ in .ask("Welcome to Ride Hailer. Where would you like to go?") }
/// ```
public struct Launch: RouteConvertible {
    /// The route this declaration makes.
    public let route: Route

    /// A public launch handler.
    /// - Parameters:
    ///   - linking: `.public` (the default).
    ///   - handler: builds the reply.
    public init(linking: NoLinking = .public, _ handler: @escaping @Sendable (RequestContext) async throws -> SkillResponse) {
        route = Route(triggers: [.launch], linking: .public, body: .handler { input in try await handler(input.context) })
    }

    /// A launch handler that needs the account.
    /// - Parameters:
    ///   - linking: `.required` or `.required(prompt:)`.
    ///   - handler: builds the reply; the context carries the token.
    public init(linking: RequiredLinking, _ handler: @escaping @Sendable (LinkedContext) async throws -> SkillResponse) {
        route = Route(
            triggers: [.launch], linking: .required(prompt: linking.prompt),
            body: .handler { input in
                guard let token = input.token else { throw GateInvariantError() }
                return try await handler(LinkedContext(accessToken: token, request: input.context))
            })
    }

    /// A launch handler that uses the account when there is one.
    /// - Parameters:
    ///   - linking: `.optional`.
    ///   - handler: builds the reply; the context may carry the token.
    public init(linking: OptionalLinking, _ handler: @escaping @Sendable (OptionallyLinkedContext) async throws -> SkillResponse) {
        route = Route(
            triggers: [.launch], linking: .optional,
            body: .handler { input in
                try await handler(OptionallyLinkedContext(accessToken: input.token, request: input.context))
            })
    }
}

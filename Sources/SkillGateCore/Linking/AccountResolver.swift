/// What resolving an account-linking token found.
public enum AccountResolution<Account: Sendable>: Sendable {
    /// The token belongs to this account: the handler runs with it.
    case linked(Account)
    /// The token is expired, revoked or unknown: the user gets the link prompt and card.
    case invalid
    /// The authorization or resource server could not be reached: the user hears "try again
    /// later" and gets **no** link card — asking users to re-link on server errors breaks linking.
    case unavailable
}

/// Turns an account-linking token into the skill's own account: the one place a skill looks its
/// users up (the authenticator of hummingbird-auth, for Alexa).
///
/// The gate calls ``resolve(_:context:)`` at most once per request, before a `.required` or
/// `.optional` route's handler, which then reads `context.account`. Report `.unavailable` for
/// timeouts and 5xx answers, `.invalid` only when the server says the token is bad.
///
/// ```swift
/// struct RideAccounts: AccountResolver {
///     func resolve(_ token: AccessToken, context: RequestContext) async -> AccountResolution<RideProfile> { … }
/// }
/// ```
public protocol AccountResolver<Account>: Sendable {
    /// The skill's own account type, handed to handlers.
    associatedtype Account: Sendable

    /// Resolves a token.
    /// - Parameters:
    ///   - token: the request's account-linking token (person, user or session; see ``/SkillGateModel/AccessTokenSource``).
    ///   - context: the request being handled.
    /// - Returns: the account, or why there is none.
    func resolve(_ token: AccessToken, context: RequestContext) async -> AccountResolution<Account>
}

/// The resolver of a skill that declares none: any present token counts as linked, and the
/// "account" handlers get is the token itself.
public struct TokenAccounts: AccountResolver {
    /// Creates the resolver.
    public init() {}

    /// `.linked(token)`.
    public func resolve(_ token: AccessToken, context: RequestContext) async -> AccountResolution<AccessToken> {
        .linked(token)
    }
}

/// A resolver made from a closure.
public struct ClosureAccountResolver<Account: Sendable>: AccountResolver {
    private let body: @Sendable (AccessToken, RequestContext) async -> AccountResolution<Account>

    /// Creates a resolver.
    /// - Parameter body: the lookup, called at most once per gated request with a token.
    public init(_ body: @escaping @Sendable (AccessToken, RequestContext) async -> AccountResolution<Account>) { self.body = body }

    /// Calls the closure.
    public func resolve(_ token: AccessToken, context: RequestContext) async -> AccountResolution<Account> {
        await body(token, context)
    }
}

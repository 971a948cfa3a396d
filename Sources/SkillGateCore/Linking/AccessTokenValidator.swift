/// What a token validator found.
public enum TokenValidity: Sendable, Hashable {
    /// The token works: the handler runs.
    case valid
    /// The token is expired or revoked: the user gets the link prompt and card.
    case invalid
    /// The authorization or resource server could not be reached: the user hears "try again
    /// later" and gets **no** link card — asking users to re-link on server errors breaks linking.
    case unavailable
}

/// Checks a present access token with the skill's authorization or resource server.
///
/// Plug one into ``SkillConfiguration/tokenValidator``. Report `.unavailable` for timeouts and
/// 5xx answers, `.invalid` only when the server says the token is bad.
public protocol AccessTokenValidator: Sendable {
    /// Validates a token.
    /// - Parameters:
    ///   - token: the token from the request.
    ///   - context: the request being handled.
    /// - Returns: whether the token is valid, invalid, or could not be checked.
    func validate(_ token: AccessToken, context: RequestContext) async -> TokenValidity
}

/// A validator made from a closure.
public struct ClosureTokenValidator: AccessTokenValidator {
    private let body: @Sendable (AccessToken, RequestContext) async -> TokenValidity

    /// Creates a validator.
    /// - Parameter body: the validation, called once per gated request with a token.
    public init(_ body: @escaping @Sendable (AccessToken, RequestContext) async -> TokenValidity) { self.body = body }

    /// Calls the closure.
    public func validate(_ token: AccessToken, context: RequestContext) async -> TokenValidity {
        await body(token, context)
    }
}

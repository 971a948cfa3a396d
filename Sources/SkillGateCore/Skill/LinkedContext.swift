/// The context of a `.required` route: the user is linked, so the account (and its token) are
/// always there — the gate shows in the types.
@dynamicMemberLookup
public struct LinkedContext<Account: Sendable>: Sendable {
    /// The skill's own account for the user, resolved once by the skill's ``AccountResolver``.
    public let account: Account
    /// The account-linking token the account was resolved from.
    public let accessToken: AccessToken
    /// Where the token came from: the recognised person's own link, the user's, or the session's.
    public let tokenSource: AccessTokenSource
    /// The request's context.
    public let request: RequestContext

    /// Creates a linked context.
    /// - Parameters:
    ///   - account: the resolved account.
    ///   - accessToken: the token.
    ///   - tokenSource: where the token came from.
    ///   - request: the request's context.
    public init(account: Account, accessToken: AccessToken, tokenSource: AccessTokenSource = .user, request: RequestContext) {
        self.account = account
        self.accessToken = accessToken
        self.tokenSource = tokenSource
        self.request = request
    }

    /// Reads any ``RequestContext`` property directly, e.g. `context.locale`.
    public subscript<Value>(dynamicMember keyPath: KeyPath<RequestContext, Value>) -> Value { request[keyPath: keyPath] }
}

/// The context of an `.optional` route: the account when the user is linked (and the token
/// resolved), nil otherwise.
@dynamicMemberLookup
public struct OptionallyLinkedContext<Account: Sendable>: Sendable {
    /// The skill's own account for the user; nil when unlinked or when the token did not resolve.
    public let account: Account?
    /// The token the account was resolved from; nil exactly when ``account`` is nil.
    public let accessToken: AccessToken?
    /// Where the token came from, when there is an account.
    public let tokenSource: AccessTokenSource?
    /// The request's context.
    public let request: RequestContext

    /// Creates the context.
    /// - Parameters:
    ///   - account: the account, if any.
    ///   - accessToken: its token.
    ///   - tokenSource: where the token came from.
    ///   - request: the request's context.
    public init(account: Account?, accessToken: AccessToken?, tokenSource: AccessTokenSource? = nil, request: RequestContext) {
        self.account = account
        self.accessToken = accessToken
        self.tokenSource = tokenSource
        self.request = request
    }

    /// Reads any ``RequestContext`` property directly, e.g. `context.locale`.
    public subscript<Value>(dynamicMember keyPath: KeyPath<RequestContext, Value>) -> Value { request[keyPath: keyPath] }
}

/// What the linking gate learned about a request: the token, where it came from, and the
/// account it resolved to (type-erased; each route casts it back to its skill's account type).
struct LinkedIdentity: Sendable {
    let token: AccessToken
    let source: AccessTokenSource
    let account: any Sendable

    /// The account as the route's type, or nil if the resolver produced another type.
    func account<Account: Sendable>(as type: Account.Type) -> Account? { account as? Account }
}

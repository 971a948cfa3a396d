/// The context of a `.required` route: the access token is always there.
@dynamicMemberLookup
public struct LinkedContext: Sendable {
    /// The user's account-linking token, validated when the skill has a validator.
    public let accessToken: AccessToken
    /// The request's context.
    public let request: RequestContext

    /// Creates a linked context.
    /// - Parameters:
    ///   - accessToken: the token.
    ///   - request: the request's context.
    public init(accessToken: AccessToken, request: RequestContext) {
        self.accessToken = accessToken
        self.request = request
    }

    /// Reads any ``RequestContext`` property directly, e.g. `context.locale`.
    public subscript<Value>(dynamicMember keyPath: KeyPath<RequestContext, Value>) -> Value { request[keyPath: keyPath] }
}

/// The context of an `.optional` route: the access token when the user is linked (and valid).
@dynamicMemberLookup
public struct OptionallyLinkedContext: Sendable {
    /// The user's token, nil when unlinked or when the validator rejected it.
    public let accessToken: AccessToken?
    /// The request's context.
    public let request: RequestContext

    /// Creates the context.
    /// - Parameters:
    ///   - accessToken: the token, if any.
    ///   - request: the request's context.
    public init(accessToken: AccessToken?, request: RequestContext) {
        self.accessToken = accessToken
        self.request = request
    }

    /// Reads any ``RequestContext`` property directly, e.g. `context.locale`.
    public subscript<Value>(dynamicMember keyPath: KeyPath<RequestContext, Value>) -> Value { request[keyPath: keyPath] }
}

/// What the gate hands a route's handler.
struct RouteInput: Sendable {
    let request: Request
    let context: RequestContext
    /// The linked identity, for `.required` routes always and `.optional` ones when linked.
    let identity: LinkedIdentity?

    /// The `.required` route's context: the identity is there (the gate saw to it) and its
    /// account has the route's type (start-up checked that); otherwise ``GateInvariantError``.
    func linkedContext<Account: Sendable>(_ type: Account.Type) throws -> LinkedContext<Account> {
        guard let identity, let account = identity.account(as: type) else { throw GateInvariantError() }
        return LinkedContext(account: account, accessToken: identity.token, tokenSource: identity.source, request: context)
    }

    /// The `.optional` route's context: the account when the user is linked.
    func optionallyLinkedContext<Account: Sendable>(_ type: Account.Type) -> OptionallyLinkedContext<Account> {
        guard let identity, let account = identity.account(as: type) else {
            return OptionallyLinkedContext(account: nil, accessToken: nil, tokenSource: nil, request: context)
        }
        return OptionallyLinkedContext(account: account, accessToken: identity.token, tokenSource: identity.source, request: context)
    }
}

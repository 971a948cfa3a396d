/// A skill's resolver with its account type erased, as the runner stores it; the account's type
/// is kept so start-up can check every route expects the same one.
struct AnyAccountResolver: Sendable {
    /// The resolver's `Account` type.
    let accountType: any Sendable.Type
    /// Nil for ``TokenAccounts`` (the token is the account): the gate then skips the call, whose
    /// generic, type-erased path costs more than the lookup itself.
    private let body: (@Sendable (AccessToken, RequestContext) async -> AccountResolution<any Sendable>)?

    init<Resolver: AccountResolver>(_ resolver: Resolver) {
        accountType = Resolver.Account.self
        guard Resolver.self != TokenAccounts.self else {
            body = nil
            return
        }
        body = { token, context in
            switch await resolver.resolve(token, context: context) {
            case .linked(let account): .linked(account)
            case .invalid: .invalid
            case .unavailable: .unavailable
            }
        }
    }

    @inline(__always)
    func resolve(_ token: AccessToken, context: RequestContext) async -> AccountResolution<any Sendable> {
        guard let body else { return .linked(token) }
        return await body(token, context)
    }
}

/// A skill's resolver with its account type erased, as the runner stores it; the account's type
/// is kept so start-up can check every route expects the same one.
struct AnyAccountResolver: Sendable {
    /// The resolver's `Account` type.
    let accountType: any Sendable.Type
    private let body: @Sendable (AccessToken, RequestContext) async -> AccountResolution<any Sendable>

    init<Resolver: AccountResolver>(_ resolver: Resolver) {
        accountType = Resolver.Account.self
        body = { token, context in
            switch await resolver.resolve(token, context: context) {
            case .linked(let account): .linked(account)
            case .invalid: .invalid
            case .unavailable: .unavailable
            }
        }
    }

    func resolve(_ token: AccessToken, context: RequestContext) async -> AccountResolution<any Sendable> {
        await body(token, context)
    }
}

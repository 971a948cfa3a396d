import SkillGate
import SkillGateTesting
import Synchronization

/// The account a test skill resolves tokens into.
struct Member: Sendable, Equatable {
    let name: String
}

/// Resolves `…good` tokens to a member named after the token, `bad` to invalid, `down` to
/// unavailable; counts its lookups so tests can prove there is one per request.
struct MemberAccounts: AccountResolver {
    let lookups = RunCounter()

    func resolve(_ token: AccessToken, context: RequestContext) async -> AccountResolution<Member> {
        lookups.hit()
        switch token.value {
        case "bad": return .invalid
        case "down": return .unavailable
        case let value where value.hasSuffix("good"): return .linked(Member(name: value))
        default: return .invalid
        }
    }
}

/// One route per policy, each answering with what it learned; plus requirement routes.
struct IdentitySkill: Skill {
    let accounts: MemberAccounts

    init() { accounts = MemberAccounts() }
    init(accounts: MemberAccounts) { self.accounts = accounts }

    var configuration: SkillConfiguration { SkillConfiguration(name: "Identity Test") }

    var routes: [Route] {
        Intent("RequiredIntent", linking: .required) { _, context in
            .tell("required: \(context.account.name) from \(context.tokenSource.rawValue)")
        }
        Intent("OptionalIntent", linking: .optional) { _, context in
            .tell("optional: \(context.account?.name ?? "nobody") from \(context.tokenSource?.rawValue ?? "nowhere")")
        }
        Intent("PublicIntent", linking: .public) { _, _ in .tell("public") }
        Intent("AddressIntent", linking: .required) { _, context in .tell("address for \(context.account.name)") }
            .requiring(.permissions(.deviceAddress))
        Intent("LocateIntent", linking: .public) { _, _ in .tell("located") }
            .requiring(.permissions(.geolocation))
        Intent("MineIntent", linking: .required) { _, context in .tell("mine: \(context.person?.personId ?? "?")") }
            .requiring(.recognizedPerson)
        Launch(linking: .optional) { context in .ask("hello \(context.account?.name ?? "stranger")") }
    }
}

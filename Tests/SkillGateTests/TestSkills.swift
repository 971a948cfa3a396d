import Testing
import SkillGate
import SkillGateTesting
import Synchronization

/// A resolver whose verdict a test sets per token; a known token resolves to itself.
struct StubAccounts: AccountResolver {
    let verdicts: [String: AccountResolution<AccessToken>]
    func resolve(_ token: AccessToken, context: RequestContext) async -> AccountResolution<AccessToken> {
        verdicts[token.value] ?? .linked(token)
    }
}

/// Counts handler runs, so tests can prove a gated handler did not run.
final class RunCounter: Sendable {
    private let count = Mutex(0)
    func hit() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}

/// A skill with one route per linking policy, and a validator that knows "expired" and "down".
struct GateSkill: Skill {
    var counter = RunCounter()
    var customPrompt: LocalizedText? = nil

    init() {}
    init(counter: RunCounter, customPrompt: LocalizedText? = nil) {
        self.counter = counter
        self.customPrompt = customPrompt
    }

    var configuration: SkillConfiguration { SkillConfiguration(name: "Gate Test") }
    var accounts: StubAccounts { StubAccounts(verdicts: ["expired": .invalid, "down": .unavailable]) }

    var routes: [Route] {
        Intent("RequiredIntent", linking: .required) { _, context in
            counter.hit()
            return .tell("required ran with \(context.accessToken.value)")
        }
        if let customPrompt {
            Intent("CustomPromptIntent", linking: .required(prompt: customPrompt)) { _, _ in .tell("ran") }
        }
        Intent("OptionalIntent", linking: .optional) { _, context in
            counter.hit()
            return .tell("optional ran with \(context.accessToken?.value ?? "no token")")
        }
        Intent("PublicIntent", linking: .public) { _, _ in
            counter.hit()
            return .tell("public ran")
        }
    }
}

/// Where the token sits in a test request.
enum TokenPlacement: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case context, sessionOnly, absent, empty, invalid, unavailable

    var testDescription: String { rawValue }

    func request(intent: String, locale: String = "en-US") -> TestRequest {
        var request = TestRequest.intent(intent, token: token, locale: locale)
        if self == .sessionOnly {
            var envelope = request.json.objectValue ?? [:]
            var context = envelope["context"]?.objectValue ?? [:]
            var system = context["System"]?.objectValue ?? [:]
            system["user"] = ["userId": "amzn1.ask.account.TESTUSER"]
            context["System"] = .object(system)
            envelope["context"] = .object(context)
            request.json = .object(envelope)
        }
        return request
    }

    var token: String? {
        switch self {
        case .context, .sessionOnly: "good-token"
        case .absent: nil
        case .empty: ""
        case .invalid: "expired"
        case .unavailable: "down"
        }
    }
}

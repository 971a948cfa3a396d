import SkillGate
import SkillGateTesting
import Testing

/// The gate's whole matrix: linking policy × where the token is × what the resolver says, with
/// the exact response JSON for each.
struct IdentityGateTests {
    /// Where a request carries its account-linking token.
    enum Source: String, CaseIterable, Sendable {
        case personOnly, userOnly, sessionOnly, personAndUser, personWithoutToken, none, empty

        func request(_ intent: String, token: String) -> TestRequest {
            switch self {
            case .personOnly: TestRequest.intent(intent).person(token: token)
            case .userOnly: TestRequest.intent(intent, token: token)
            case .sessionOnly: TestRequest.intent(intent).sessionToken(token)
            case .personAndUser: TestRequest.intent(intent, token: "user-good").person(token: token)
            case .personWithoutToken: TestRequest.intent(intent, token: token).person()
            case .none: TestRequest.intent(intent)
            case .empty: TestRequest.intent(intent, token: "").person(token: "")
            }
        }

        /// The source the gate should report, when a token is there.
        var expected: String? {
            switch self {
            case .personOnly, .personAndUser: "person"
            case .userOnly, .personWithoutToken: "user"
            case .sessionOnly: "session"
            case .none, .empty: nil
            }
        }
    }

    static let linkPrompt =
        "Identity Test needs your Identity Test account to do that, so it can act for you. I've sent a card to your Alexa app: open it to link your Identity Test account, then ask me again."
    static let unavailable = "Sorry, Identity Test can't reach your account right now. Please try again in a little while."

    static func tell(_ text: String) -> JSONValue {
        ["outputSpeech": ["type": "PlainText", "text": .string(text)], "shouldEndSession": true]
    }

    static let linkCard: JSONValue = [
        "outputSpeech": ["type": "PlainText", "text": .string(linkPrompt)], "card": ["type": "LinkAccount"], "shouldEndSession": true,
    ]

    @Test("required × token source × resolver: exact replies, one lookup", arguments: Source.allCases, ["p-good", "bad", "down"])
    func required(source: Source, token: String) async throws {
        let accounts = MemberAccounts()
        let tester = try SkillTester(IdentitySkill(accounts: accounts))
        let response = await tester.send(source.request("RequiredIntent", token: token))
        let body = try #require(response.json["response"])
        guard let from = source.expected else {
            #expect(body == Self.linkCard)
            #expect(accounts.lookups.value == 0)
            return
        }
        switch token {
        case "p-good": #expect(body == Self.tell("required: p-good from \(from)"))
        case "bad": #expect(body == Self.linkCard)
        default: #expect(body == Self.tell(Self.unavailable))
        }
        #expect(accounts.lookups.value == 1)
    }

    @Test(
        "optional × token source × resolver: always runs, the account only when it resolved", arguments: Source.allCases,
        ["p-good", "bad", "down"])
    func optional(source: Source, token: String) async throws {
        let accounts = MemberAccounts()
        let tester = try SkillTester(IdentitySkill(accounts: accounts))
        let response = await tester.send(source.request("OptionalIntent", token: token))
        let expected =
            if let from = source.expected, token == "p-good" { "optional: p-good from \(from)" } else { "optional: nobody from nowhere" }
        #expect(response.json["response"] == Self.tell(expected))
        #expect(accounts.lookups.value == (source.expected == nil ? 0 : 1))
    }

    @Test("public × token source: runs, never looks the token up", arguments: Source.allCases)
    func publicRoute(source: Source) async throws {
        let accounts = MemberAccounts()
        let tester = try SkillTester(IdentitySkill(accounts: accounts))
        #expect(await tester.send(source.request("PublicIntent", token: "p-good")).json["response"] == Self.tell("public"))
        #expect(accounts.lookups.value == 0)
    }

    @Test("an optional launch greets the linked user by account")
    func optionalLaunch() async throws {
        let tester = try SkillTester(IdentitySkill())
        let linked = TestRequest.make(
            request: ["type": "LaunchRequest"], token: "u-good", locale: "en-US", skillID: TestRequest.defaultSkillID)
        #expect(await tester.send(linked).speech == "hello u-good")
        #expect(await tester.send(TestRequest.launch()).speech == "hello stranger")
    }

    @Test("a route expecting another account type is refused at start-up")
    func accountTypeMismatch() {
        let routes: [Route] = [Intent("X", linking: .required) { _, _ in .tell("x") }.route]
        #expect(throws: SkillError.self) {
            try SkillRunner(configuration: SkillConfiguration(name: "M"), routes: routes, accounts: MemberAccounts(), logger: .disabled)
        }
    }

    @Test("a cached resolver looks a token up once within its time to live")
    func caching() async throws {
        let base = MemberAccounts()
        let cached = CachingAccountResolver(base, timeToLive: .seconds(60))
        let context = RequestContext(
            envelope: try RequestEnvelope(jsonBytes: TestRequest.intent("X").bytes), logger: .disabled, skillName: "C")
        for _ in 0..<3 { _ = await cached.resolve("a-good", context: context) }
        _ = await cached.resolve("bad", context: context)
        _ = await cached.resolve("bad", context: context)
        #expect(base.lookups.value == 3, "one lookup for a-good, two for the uncached invalid token")
        let expired = CachingAccountResolver(base, timeToLive: .zero)
        _ = await expired.resolve("b-good", context: context)
        _ = await expired.resolve("b-good", context: context)
        #expect(base.lookups.value == 5)
    }
}

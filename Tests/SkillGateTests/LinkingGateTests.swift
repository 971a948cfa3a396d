import SkillGate
import SkillGateTesting
import Testing

struct LinkingGateTests {
    static let linkPrompt =
        "Gate Test needs your Gate Test account to do that, so it can act for you. I've sent a card to your Alexa app: open it to link your Gate Test account, then ask me again."
    static let unavailable = "Sorry, Gate Test can't reach your account right now. Please try again in a little while."

    /// Sends `intent` to a fresh gate skill with the token placed as `placement`; returns the
    /// `response` object and how many handlers ran.
    static func send(_ intent: String, _ placement: TokenPlacement) async throws -> (response: JSONValue?, runs: Int) {
        let counter = RunCounter()
        let tester = try SkillTester(GateSkill(counter: counter))
        let response = await tester.send(placement.request(intent: intent))
        return (response.json["response"], counter.value)
    }

    @Test("required: runs only with a valid token; otherwise link card or try-later", arguments: TokenPlacement.allCases)
    func required(placement: TokenPlacement) async throws {
        let (response, runs) = try await Self.send("RequiredIntent", placement)
        let body = try #require(response)
        switch placement {
        case .context, .sessionOnly:
            #expect(body == ["outputSpeech": ["type": "PlainText", "text": "required ran with good-token"], "shouldEndSession": true])
            #expect(runs == 1)
        case .absent, .empty, .invalid:
            #expect(
                body == [
                    "outputSpeech": ["type": "PlainText", "text": .string(Self.linkPrompt)], "card": ["type": "LinkAccount"],
                    "shouldEndSession": true,
                ])
            #expect(body["reprompt"] == nil)
            #expect(runs == 0)
        case .unavailable:
            #expect(body == ["outputSpeech": ["type": "PlainText", "text": .string(Self.unavailable)], "shouldEndSession": true])
            #expect(body["card"] == nil)
            #expect(runs == 0)
        }
    }

    @Test("optional: always runs; the token only when present and valid", arguments: TokenPlacement.allCases)
    func optional(placement: TokenPlacement) async throws {
        let (response, runs) = try await Self.send("OptionalIntent", placement)
        let expected = [.context, .sessionOnly].contains(placement) ? "optional ran with good-token" : "optional ran with no token"
        #expect(response == ["outputSpeech": ["type": "PlainText", "text": .string(expected)], "shouldEndSession": true])
        #expect(runs == 1)
    }

    @Test("public: always runs and never consults the validator", arguments: TokenPlacement.allCases)
    func publicRoute(placement: TokenPlacement) async throws {
        let (response, runs) = try await Self.send("PublicIntent", placement)
        #expect(response == ["outputSpeech": ["type": "PlainText", "text": "public ran"], "shouldEndSession": true])
        #expect(runs == 1)
    }

    @Test("a route's own prompt overrides the skill's, localized by the request's locale")
    func customPrompt() async throws {
        let prompt = LocalizedText("Link to continue.", translations: ["de": "Verknüpfe dein Konto."])
        let tester = try SkillTester(GateSkill(counter: RunCounter(), customPrompt: prompt))
        #expect(await tester.send(TestRequest.intent("CustomPromptIntent")).speech == "Link to continue.")
        #expect(await tester.send(TestRequest.intent("CustomPromptIntent", locale: "de-AT")).speech == "Verknüpfe dein Konto.")
        #expect(await tester.send(TestRequest.intent("CustomPromptIntent", locale: "de-AT")).cardType == "LinkAccount")
    }

    @Test(
        "the default link prompt speaks the request's language",
        arguments: [
            ("en-GB", "Gate Test needs your Gate Test account"), ("en-IN", "Gate Test needs your"), ("de-DE", "Damit Gate Test"),
            ("fr-CA", "Pour que Gate Test"), ("es-MX", "Para que Gate Test"), ("it-IT", "Per permettere a Gate Test"),
            ("ja-JP", "Gate Testでこの操作"), ("pt-BR", "Para que Gate Test"), ("hi-IN", "Gate Test को आपका"), ("nl-NL", "Gate Test needs your"),
        ])
    func localizedPrompt(locale: String, start: String) async throws {
        let tester = try SkillTester(GateSkill(counter: RunCounter()))
        let response = await tester.send(TestRequest.intent("RequiredIntent", locale: locale))
        let speech = try #require(response.speech)
        #expect(speech.hasPrefix(start) || speech.contains(start), "\(locale): \(speech)")
        #expect(response.cardType == "LinkAccount")
    }

    @Test("an access token never prints its value")
    func tokenRedacted() {
        let token = AccessToken("super-secret")
        #expect("\(token)" == "AccessToken(redacted)")
        #expect(String(reflecting: token) == "AccessToken(redacted)")
    }

    @Test("a further requirement answers after linking, before the handler")
    func extraRequirement() async throws {
        struct NeedsConsent: RouteRequirement {
            var name: String { "permission read::alexa:device:all:address" }
            func check(_ context: RequestContext) async -> RequirementResult {
                context.envelope.context?.system.user?.consentToken == nil
                    ? .respond(.askForPermissions("I need your address.", permissions: ["read::alexa:device:all:address"])) : .satisfied
            }
        }
        let routes: [Route] = [Intent("AddressIntent", linking: .required) { _, _ in .tell("address ok") }.requiring(NeedsConsent())]
        let runner = try SkillRunner(configuration: SkillConfiguration(name: "R"), routes: routes, logger: .disabled)
        let unlinked = try JSONParser.parse(await runner.handle(body: TestRequest.intent("AddressIntent").bytes).body)
        #expect(unlinked["response"]?["card"]?["type"] == "LinkAccount")
        let linked = try JSONParser.parse(await runner.handle(body: TestRequest.intent("AddressIntent", token: "t").bytes).body)
        #expect(linked["response"]?["card"] == ["type": "AskForPermissionsConsent", "permissions": ["read::alexa:device:all:address"]])
    }
}

import SkillGate
@testable import SkillGateCore
import SkillGateTestSupport
import SkillGateTesting
import Testing

/// `context.alexa` against ``FakeAlexaAPI``, in process: deadlines, request checks, status
/// mapping and the error path, with no sockets.
struct AlexaAPIFakeTests {
    static let addressPath = "/v1/devices/amzn1.ask.device.TEST/settings/address"

    /// A fake that answers every call with `response` and remembers each call's timeout.
    static func fake(_ response: AlexaAPIResponse, timeouts: Locked<[Duration]> = Locked([])) -> FakeAlexaAPI {
        FakeAlexaAPI { _, timeout in
            timeouts.update { $0.append(timeout) }
            return response
        }
    }

    @Test(
        "a call's timeout is the per-call cap or the time left less the reserve, whichever is less; none once the reserve is reached",
        arguments: [
            (Duration.seconds(7), Duration.seconds(3), Duration?.some(.seconds(3))),
            (.seconds(1), .seconds(3), .milliseconds(750)),
            (.milliseconds(250), .seconds(3), nil),
            (.zero, .seconds(3), nil),
            (.seconds(-1), .seconds(3), nil),
        ])
    func callTimeout(left: Duration, cap: Duration, expected: Duration?) {
        let now = ContinuousClock.now
        let options = AlexaAPIOptions(callTimeout: cap)
        #expect(AlexaAPIClient.callTimeout(until: now + left, now: now, options: options) == expected)
    }

    @Test("the runner's handlerTimeout, or 7 s without one, sets the deadline calls are bounded by")
    func deadlineReachesTheTransport() async throws {
        for (handlerTimeout, highest) in [(Duration?.some(.seconds(30)), Duration.milliseconds(29_750)), (nil, .milliseconds(6750))] {
            let timeouts = Locked<[Duration]>([])
            let transport = Self.fake(.json(["city": "Seattle"]), timeouts: timeouts)
            let options = RunnerOptions(
                handlerTimeout: handlerTimeout, alexaAPI: AlexaAPIOptions(transport: transport, callTimeout: .seconds(60)))
            let tester = try SkillTester(AlexaAPISkill(), options: options)
            #expect(await tester.send(TestRequest.intent("AddressIntent")).speech == "-|-|-|Seattle|-|-|-|-")
            // Exact above; below, room for a machine busy with parallel tests.
            let timeout = try #require(timeouts.get().first)
            #expect(timeout > .zero && timeout <= highest, "timeout \(timeout)")
        }
    }

    @Test("with no time left before the deadline, a call fails as timedOut without being sent")
    func noTimeLeft() async throws {
        let fake = Self.fake(.json([:]))
        // The reserve is larger than the whole deadline, so no time is ever left for a call; the
        // deadline itself is generous, so a busy machine cannot turn the answer into the apology.
        let options = RunnerOptions(
            handlerTimeout: .seconds(5), alexaAPI: AlexaAPIOptions(transport: fake, answerReserve: .seconds(10)))
        let tester = try SkillTester(AlexaAPISkill(), options: options)
        #expect(await tester.send(TestRequest.intent("CaughtAddressIntent")).speech == "caught timedOut")
        #expect(fake.requests.isEmpty)
    }

    @Test(
        "a transport timeout, a connection failure or any other transport error is a typed error, never a consent card",
        arguments: [
            (AlexaAPITransportError(.timedOut, "slow") as any Error, "caught timedOut"),
            (AlexaAPITransportError(.connectionFailed, "refused"), "caught serviceUnavailable no response"),
            (AlexaAPITransportError(.unavailable, "no TLS"), "caught transportUnavailable"),
            (CancellationError(), "caught timedOut"),
        ])
    func transportErrors(error: any Error, speech: String) async throws {
        let fake = FakeAlexaAPI { _, _ in throw error }
        let tester = try SkillTester(AlexaAPISkill(), alexaAPI: fake)
        #expect(await tester.send(TestRequest.intent("CaughtAddressIntent")).speech == speech)
    }

    @Test("without a transport, calls fail as transportUnavailable, saying how to get one")
    func noTransport() async throws {
        let routes: [Route] = [
            Intent("X", linking: .public) { _, context in
                do throws(AlexaAPIError) {
                    _ = try await context.alexa.email()
                    return .tell("no error")
                } catch {
                    return .tell(error.description)
                }
            }.route
        ]
        let runner = try SkillRunner(configuration: SkillConfiguration(name: "N"), routes: routes, logger: .disabled)
        let speech = try JSONParser.parse(await runner.handle(body: TestRequest.intent("X").bytes).body)["response"]?["outputSpeech"]?[
            "text"]
        let text = try #require(speech?.stringValue)
        #expect(text.hasPrefix("Customer Profile API: no Alexa API transport"), "\(text)")
        #expect(text.contains("HTTPEndpoint trait"), "\(text)")
    }

    @Test(
        "a request that cannot call the API fails as noEndpoint before anything is sent",
        arguments: [
            TestRequest.intent("CaughtAddressIntent").alexaAPI(endpoint: nil),
            TestRequest.intent("CaughtAddressIntent").alexaAPI(endpoint: "http://api.amazonalexa.com"),
            TestRequest.intent("CaughtAddressIntent").alexaAPI(endpoint: "https://api.amazonalexa.com", token: nil),
            TestRequest.intent("CaughtAddressIntent").withoutDevice(),
        ])
    func noEndpoint(request: TestRequest) async throws {
        let fake = Self.fake(.json([:]))
        let tester = try SkillTester(AlexaAPISkill(), alexaAPI: fake)
        #expect(await tester.send(request).speech == "caught noEndpoint")
        #expect(fake.requests.isEmpty)
    }

    @Test("204 means the user set nothing: an empty address, a nil profile field")
    func noContent() async throws {
        let tester = try SkillTester(AlexaAPISkill(), alexaAPI: Self.fake(AlexaAPIResponse(status: 204)))
        #expect(await tester.send(TestRequest.intent("AddressIntent")).speech == "-|-|-|-|-|-|-|-")
        #expect(await tester.send(TestRequest.intent("EmailIntent")).speech == "no email")
        #expect(await tester.send(TestRequest.intent("MobileIntent")).speech == "no number")
    }

    @Test(
        "a 2xx body that is not what the API documents is malformedResponse",
        arguments: [
            ("AddressIntent", "not json"), ("AddressIntent", #"["a list"]"#), ("EmailIntent", "{}"),
            ("MobileIntent", #"{"countryCode":"+1"}"#),
        ])
    func malformed(intent: String, body: String) async throws {
        let tester = try SkillTester(AlexaAPISkill(), alexaAPI: Self.fake(AlexaAPIResponse(status: 200, body: Array(body.utf8))))
        #expect(await tester.send(TestRequest.intent(intent)).speech == "Sorry, something went wrong. Please try again later.")
        if intent == "AddressIntent" {
            #expect(await tester.send(TestRequest.intent("CaughtAddressIntent")).speech == "caught malformedResponse")
        }
    }

    @Test("an uncaught non-403 error reaches the skill's OnError route; a 403 still speaks the consent card")
    func onErrorRoute() async throws {
        let routes: [Route] = [
            Intent("AddressIntent", linking: .public) { _, context in .tell(try await context.alexa.deviceAddress().city ?? "-") }.route,
            OnError { error, _ in .tell("on error: \((error as? AlexaAPIError).map { AlexaAPISkill.name(of: $0.kind) } ?? "other")") }
                .route,
        ]
        for (status, speech, card) in [
            (401, "on error: unauthorized", nil), (500, "on error: serviceUnavailable 500", nil), (403, nil, "AskForPermissionsConsent"),
        ] {
            let options = RunnerOptions(alexaAPI: AlexaAPIOptions(transport: Self.fake(AlexaAPIResponse(status: status))))
            let runner = try SkillRunner(configuration: SkillConfiguration(name: "E"), routes: routes, options: options, logger: .disabled)
            let json = try JSONParser.parse(await runner.handle(body: TestRequest.intent("AddressIntent").bytes).body)
            if let speech { #expect(json["response"]?["outputSpeech"]?["text"]?.stringValue == speech) }
            #expect(json["response"]?["card"]?["type"]?.stringValue == card)
        }
    }

    @Test("the bearer token is the request's apiAccessToken, not a linking token (person-level or user), and is never logged")
    func bearerIsTheAPIToken() async throws {
        let lines = Locked<[String]>([])
        let logger = Logger(label: "t", logLevel: .trace, sink: { line in lines.update { $0.append(line) } })
        let fake = Self.fake(AlexaAPIResponse(status: 401))
        let tester = try SkillTester(AlexaAPISkill(), logger: logger, alexaAPI: fake)
        let request = TestRequest.intent("ProgressIntent", token: "user-link-token").person(token: "person-link-token")
            .alexaAPI(endpoint: "https://api.amazonalexa.com", token: "api-secret-9876")
        #expect(await tester.send(request).speech == "Sorry, something went wrong. Please try again later.")
        let sent = try #require(fake.requests.first)
        let isAPIToken = sent.bearerToken.value == "api-secret-9876" && sent.authorization == "Bearer api-secret-9876"
        #expect(isAPIToken, "the directive was not sent with the request's apiAccessToken (…9876)")
        #expect(sent.url == "https://api.amazonalexa.com/v1/directives")
        #expect(!String(describing: sent).contains("api-secret"))
        let logged = lines.get().joined(separator: "\n")
        #expect(!lines.get().isEmpty)
        #expect(!logged.contains("api-secret") && !logged.contains("link-token"), "a token reached the log")
    }
}

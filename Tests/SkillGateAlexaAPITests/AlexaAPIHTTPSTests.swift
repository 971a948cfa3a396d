import SkillGate
import SkillGateCrypto
import SkillGateTestSupport
import SkillGateTesting
import Testing

/// `context.alexa` end to end: real handlers run by SkillRunner (through SkillTester) call a fake
/// Alexa API that is a real HTTPS server on loopback, through the umbrella's HTTPS transport
/// trusting the throw-away test CA.
@Suite(.enabled(if: TLSProxy.isAvailable, "needs python3 and openssl for a loopback TLS server"))
struct AlexaAPIHTTPSTests {
    static let token = "test-api-access-token"
    static let devicePath = "/v1/devices/amzn1.ask.device.TEST/settings/address"

    /// A tester whose handlers reach `fake` over HTTPS.
    static func tester(for fake: FakeAlexaAPIServer, handlerTimeout: Duration? = nil) throws -> SkillTester {
        let transport = HTTPSAlexaAPITransport(trustRoots: .pem(fake.caPEM))
        return try SkillTester(AlexaAPISkill(), options: RunnerOptions(handlerTimeout: handlerTimeout), alexaAPI: transport)
    }

    /// An intent request whose Alexa API is `fake`.
    static func request(_ intent: String, _ fake: FakeAlexaAPIServer, token: String? = nil) -> TestRequest {
        TestRequest.intent(intent, token: token).alexaAPI(endpoint: fake.endpoint, token: Self.token)
    }

    /// Whether the fake was sent the request's API token as the bearer token (compared here, so a
    /// failure never prints the token).
    static func sawBearerToken(_ seen: FakeAlexaAPIServer.Seen?) -> Bool {
        seen?.headers["authorization"] == "Bearer " + token
    }

    @Test("the full address: GET …/settings/address with the bearer token, every field read")
    func address() async throws {
        let body = """
            {"addressLine1":"410 Terry Ave North","addressLine2":"Floor 3","addressLine3":null,"city":"Seattle",\
            "stateOrRegion":"WA","districtOrCounty":"King","countryCode":"US","postalCode":"98109"}
            """
        try await FakeAlexaAPIServer.with({ _ in .init(body: body) }) { fake in
            let response = try await Self.tester(for: fake).send(Self.request("AddressIntent", fake))
            #expect(response.speech == "410 Terry Ave North|Floor 3|-|Seattle|WA|King|US|98109")
            let seen = fake.requests.first
            #expect(fake.requests.count == 1)
            #expect(seen?.method == "GET")
            #expect(seen?.path == Self.devicePath)
            #expect(seen?.headers["accept"] == "application/json")
            #expect(
                Self.sawBearerToken(seen),
                "the fake did not see the request's apiAccessToken (…\(Self.token.suffix(4))) as the bearer token")
        }
    }

    @Test("country and postal code: GET …/address/countryAndPostalCode")
    func countryAndPostalCode() async throws {
        try await FakeAlexaAPIServer.with({ _ in .init(body: #"{"countryCode":"US","postalCode":"98109"}"#) }) { fake in
            let response = try await Self.tester(for: fake).send(Self.request("PostalIntent", fake))
            #expect(response.speech == "US 98109")
            #expect(fake.requests.first?.path == Self.devicePath + "/countryAndPostalCode")
        }
    }

    @Test(
        "each profile field: GET /v2/accounts/~current/settings/Profile.<field>",
        arguments: [
            ("FullNameIntent", "Profile.name", #""Jane Doe""#, "Jane Doe"),
            ("GivenNameIntent", "Profile.givenName", #""Jane""#, "Jane"),
            ("EmailIntent", "Profile.email", #""jane@example.com""#, "jane@example.com"),
            ("MobileIntent", "Profile.mobileNumber", #"{"countryCode":"+1","phoneNumber":"206-555-1212"}"#, "+1 206-555-1212"),
        ])
    func profile(intent: String, field: String, body: String, speech: String) async throws {
        try await FakeAlexaAPIServer.with({ _ in .init(body: body) }) { fake in
            let response = try await Self.tester(for: fake).send(Self.request(intent, fake))
            #expect(response.speech == speech)
            #expect(fake.requests.first?.path == "/v2/accounts/~current/settings/" + field)
            #expect(Self.sawBearerToken(fake.requests.first))
        }
    }

    @Test(
        "a 403 left uncaught answers with the consent card for that API's permission, exactly",
        arguments: [
            ("AddressIntent", "read::alexa:device:all:address"), ("PostalIntent", "read::alexa:device:all:address:country_and_postal_code"),
            ("FullNameIntent", "alexa::profile:name:read"), ("GivenNameIntent", "alexa::profile:given_name:read"),
            ("EmailIntent", "alexa::profile:email:read"), ("MobileIntent", "alexa::profile:mobile_number:read"),
        ])
    func forbidden(intent: String, permission: String) async throws {
        try await FakeAlexaAPIServer.with({ _ in .init(status: 403, body: #"{"type":"FORBIDDEN","message":"no consent"}"#) }) { fake in
            let response = try await Self.tester(for: fake).send(Self.request(intent, fake))
            let expected: JSONValue = [
                "version": "1.0",
                "response": [
                    "outputSpeech": [
                        "type": "PlainText",
                        "text":
                            "Alexa API Test needs your permission to do that. I've sent a card to your Alexa app: open it to grant the permission, then ask me again.",
                    ],
                    "card": ["type": "AskForPermissionsConsent", "permissions": [.string(permission)]],
                    "shouldEndSession": true,
                ],
            ]
            #expect(response.json == expected)
        }
    }

    @Test(
        "401 and 5xx are typed errors a handler catches",
        arguments: [
            (401, "caught unauthorized"), (500, "caught serviceUnavailable 500"), (503, "caught serviceUnavailable 503"),
            (404, "caught unexpectedStatus 404"),
        ])
    func caught(status: Int, speech: String) async throws {
        try await FakeAlexaAPIServer.with({ _ in .init(status: status) }) { fake in
            let response = try await Self.tester(for: fake).send(Self.request("CaughtAddressIntent", fake))
            #expect(response.speech == speech)
        }
    }

    @Test("a 401 left uncaught gets the skill's ordinary apology, not a card")
    func uncaughtUnauthorized() async throws {
        try await FakeAlexaAPIServer.with({ _ in .init(status: 401) }) { fake in
            let response = try await Self.tester(for: fake).send(Self.request("AddressIntent", fake))
            #expect(response.speech == "Sorry, something went wrong. Please try again later.")
            #expect(response.cardType == nil)
        }
    }

    @Test("a slow API times out inside the handler's remaining time, and the handler still answers")
    func slowServer() async throws {
        let reply: @Sendable (FakeAlexaAPIServer.Seen) async -> FakeAlexaAPIServer.Reply = { seen in
            seen.path == Self.devicePath ? .init(body: "{}", delay: .seconds(3)) : .init(body: #""Jane""#)
        }
        try await FakeAlexaAPIServer.with(reply) { fake in
            // A first call, with no hurry, leaves a kept-alive connection for the timed one to use.
            let transport = HTTPSAlexaAPITransport(trustRoots: .pem(fake.caPEM))
            let warm = try SkillTester(AlexaAPISkill(), alexaAPI: transport)
            #expect(await warm.send(Self.request("GivenNameIntent", fake)).speech == "Jane")
            let hurried = try SkillTester(AlexaAPISkill(), options: RunnerOptions(handlerTimeout: .milliseconds(1500)), alexaAPI: transport)
            let response = await hurried.send(Self.request("CaughtAddressIntent", fake))
            // "no error" would mean the call waited for the slow server; the runner's apology, that
            // it outlived the handler's deadline. (The timeout's size is checked with a fake
            // transport in AlexaAPIFakeTests: wall-clock bounds are flaky beside parallel tests.)
            #expect(response.speech == "caught timedOut")
        }
    }

    @Test("a progressive response is POSTed to /v1/directives with the request's ID and the bearer token")
    func progressiveResponse() async throws {
        try await FakeAlexaAPIServer.with({ _ in .init(status: 204) }) { fake in
            let request = Self.request("ProgressIntent", fake, token: "linked-user")
            let response = try await Self.tester(for: fake).send(request)
            #expect(response.speech == "ride found")
            let seen = try #require(fake.requests.first)
            #expect(seen.method == "POST")
            #expect(seen.path == "/v1/directives")
            #expect(seen.headers["content-type"] == "application/json")
            #expect(Self.sawBearerToken(seen), "the directive did not carry the request's apiAccessToken as the bearer token")
            let requestId = try #require(request.requestId)
            let body = try JSONParser.parse(seen.body)
            let expected: JSONValue = [
                "header": ["requestId": .string(requestId)], "directive": ["type": "VoicePlayer.Speak", "speech": "Looking up your ride…"],
            ]
            #expect(body == expected)
        }
    }

    @Test("calls from several requests reuse one kept-alive TLS connection")
    func keepAlive() async throws {
        try await FakeAlexaAPIServer.with({ _ in .init(body: #""Jane""#) }) { fake in
            let tester = try Self.tester(for: fake)
            for _ in 0..<3 { #expect(await tester.send(Self.request("GivenNameIntent", fake)).speech == "Jane") }
            #expect(fake.requests.count == 3)
            #expect(Set(fake.requests.map(\.remoteAddress)).count == 1, "one TLS connection carried every call")
        }
    }

    @Test("an API whose certificate the transport does not trust is unavailable (no response), not a consent card")
    func untrusted() async throws {
        try await FakeAlexaAPIServer.with({ _ in .init(body: "{}") }) { fake in
            let certificates = try await TLSTestCertificates.shared.value
            let transport = HTTPSAlexaAPITransport(trustRoots: .pem(certificates.otherCAPEM))
            let tester = try SkillTester(AlexaAPISkill(), alexaAPI: transport)
            #expect(await tester.send(Self.request("CaughtAddressIntent", fake)).speech == "caught serviceUnavailable no response")
            #expect(fake.requests.isEmpty)
        }
    }

    @Test("a request without apiEndpoint fails as noEndpoint without calling anything")
    func noEndpoint() async throws {
        try await FakeAlexaAPIServer.with({ _ in .init(body: "{}") }) { fake in
            let tester = try Self.tester(for: fake)
            let request = TestRequest.intent("CaughtAddressIntent").alexaAPI(endpoint: nil)
            #expect(await tester.send(request).speech == "caught noEndpoint")
            #expect(fake.requests.isEmpty)
        }
    }
}

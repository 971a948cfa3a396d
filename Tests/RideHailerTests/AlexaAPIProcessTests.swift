import Foundation
import SkillGateModel
import SkillGateTestSupport
import SkillGateTesting
import Testing

/// `ride-hailer stdio` as a real child process calling a fake Alexa API over real HTTPS on
/// loopback: the test CA is trusted through `SSL_CERT_FILE`, which the default trust roots honour.
@Suite(.enabled(if: TLSProxy.isAvailable, "needs python3 and openssl for a loopback TLS server"))
struct AlexaAPIProcessTests {
    static let skillID = "amzn1.ask.skill.ride-hailer"
    static let apiToken = "ride-hailer-api-token-5150"
    static let consentCard: JSONValue = [
        "outputSpeech": [
            "type": "PlainText",
            "text":
                "Ride Hailer needs your permission to do that. I've sent a card to your Alexa app: open it to grant the permission, then ask me again.",
        ],
        "card": ["type": "AskForPermissionsConsent", "permissions": ["read::alexa:device:all:address"]],
        "shouldEndSession": true,
    ]

    /// Runs `request` through `ride-hailer stdio` with `fake` as its Alexa API; returns the response.
    static func run(_ request: TestRequest, _ fake: FakeAlexaAPIServer) async throws -> JSONValue {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ride-hailer-ca-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let caFile = folder.appendingPathComponent("ca.pem")
        try Data(fake.caPEM).write(to: caFile)
        let input = request.alexaAPI(endpoint: fake.endpoint, token: apiToken).bytes
        let output = try await ChildProcess.run(
            Products.path("ride-hailer"), ["stdio"], input: input, environment: ["SSL_CERT_FILE": caFile.path])
        #expect(output.status == 0, "\(output)")
        #expect(!output.stderr.contains(apiToken), "the API token reached the log")
        return try JSONParser.parse(Array(output.stdout.utf8))
    }

    static func fromHere(grant consent: Bool = true) -> TestRequest {
        let request = TestRequest.intent(
            "OrderRideFromHereIntent", slots: ["destination": "work"], token: "demo-token-alice", skillID: skillID)
        return consent ? request.permissions(consentToken: "consent-token") : request
    }

    static func sawAPIToken(_ seen: FakeAlexaAPIServer.Seen?) -> Bool { seen?.headers["authorization"] == "Bearer " + apiToken }

    @Test("permission granted: the pickup is the device's address from the Device Address API")
    func granted() async throws {
        try await FakeAlexaAPIServer.with({ _ in .init(body: #"{"addressLine1":"410 Terry Ave North","city":"Seattle"}"#) }) { fake in
            let response = try await Self.run(Self.fromHere(), fake)
            #expect(
                response["response"]?["outputSpeech"]?["text"]
                    == "A ride from 410 Terry Ave North to your default work location, 410 Terry Avenue North, paid with your Visa ending in 4242. Should I order it?"
            )
            #expect(response["sessionAttributes"]?["pendingOrder"]?["pickup"] == "410 Terry Ave North")
            #expect(fake.requests.map(\.path) == ["/v1/devices/amzn1.ask.device.TEST/settings/address"])
            #expect(Self.sawAPIToken(fake.requests.first), "the address call did not carry the request's apiAccessToken (…5150)")
        }
    }

    @Test("consent shown but the API says 403 (revoked): the consent card, exactly")
    func revoked() async throws {
        try await FakeAlexaAPIServer.with({ _ in .init(status: 403) }) { fake in
            let response = try await Self.run(Self.fromHere(), fake)
            #expect(response["response"] == Self.consentCard)
            #expect(fake.requests.count == 1)
        }
    }

    @Test("permission missing: the consent card, and the API is never called")
    func missing() async throws {
        try await FakeAlexaAPIServer.with({ _ in .init(body: "{}") }) { fake in
            let response = try await Self.run(Self.fromHere(grant: false), fake)
            #expect(response["response"] == Self.consentCard)
            #expect(fake.requests.isEmpty)
        }
    }

    @Test("no street address on the device: the user hears where to set one")
    func noAddress() async throws {
        try await FakeAlexaAPIServer.with({ _ in .init(status: 204) }) { fake in
            let speech = try await Self.run(Self.fromHere(), fake)["response"]?["outputSpeech"]?["text"]?.stringValue
            #expect(speech?.hasPrefix("I don't have a street address for this device.") == true, "\(speech ?? "")")
        }
    }

    @Test("OrderRideIntent posts \"Looking up your ride…\" for its request ID before it answers")
    func progressiveResponse() async throws {
        try await FakeAlexaAPIServer.with({ _ in .init(status: 204) }) { fake in
            let request = TestRequest.intent(
                "OrderRideIntent", slots: ["destination": "work"], token: "demo-token-alice", skillID: Self.skillID)
            let response = try await Self.run(request, fake)
            #expect(
                response["response"]?["outputSpeech"]?["text"]?.stringValue?.hasPrefix("Ordering a ride using your Ride Hailer account")
                    == true)
            let seen = try #require(fake.requests.first)
            #expect(seen.method == "POST" && seen.path == "/v1/directives")
            #expect(Self.sawAPIToken(seen), "the directive did not carry the request's apiAccessToken (…5150)")
            let body = try JSONParser.parse(seen.body)
            #expect(body["header"]?["requestId"]?.stringValue == request.requestId)
            #expect(body["directive"] == ["type": "VoicePlayer.Speak", "speech": "Looking up your ride…"])
        }
    }

    @Test("a failing progressive response does not fail the order")
    func progressiveFailure() async throws {
        try await FakeAlexaAPIServer.with({ _ in .init(status: 500) }) { fake in
            let request = TestRequest.intent(
                "OrderRideIntent", slots: ["destination": "home"], token: "demo-token-alice", skillID: Self.skillID)
            let response = try await Self.run(request, fake)
            #expect(response["sessionAttributes"]?["pendingOrder"]?["address"] == "12 Pine Street")
            #expect(fake.requests.count == 1)
        }
    }
}

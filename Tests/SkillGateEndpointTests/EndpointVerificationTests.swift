import Foundation
import SkillGate
import SkillGateHTTP
import SkillGateTesting
import SkillGateTestSupport
import Testing

/// Amazon's certification checks against a real endpoint: every failure is a 400 with a JSON
/// error body, and the skill's handler never runs.
@Suite(.enabled(if: AlexaCertificateFixture.isAvailable, "needs the openssl command line to make test certificates"))
struct EndpointVerificationTests {
    static func request(offsetSeconds: Int64 = 0, skillID: String = EndpointHarness.skillID) -> [UInt8] {
        let now = RequestTimestamp.now()
        return TestRequest.intent(
            "PingIntent", skillID: skillID,
            timestamp: RequestTimestamp(millisecondsSince1970: now.millisecondsSince1970 + offsetSeconds * 1000)
        ).bytes
    }

    private func expectRejected(_ response: HTTPClientResponse, _ code: String, _ harness: EndpointHarness) throws {
        #expect(response.status == 400)
        let body = try JSONParser.parse(response.body)
        #expect(body["error"]?["code"] == .string(code), "body: \(String(decoding: response.body, as: UTF8.self))")
        #expect(harness.handlerRuns == 0)
    }

    @Test("a correctly signed, fresh request for this skill is answered 200")
    func validRequest() async throws {
        let harness = try await EndpointHarness()
        let body = Self.request()
        let response = try await harness.post(body, signature: try harness.sign(body))
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"] == "application/json;charset=UTF-8")
        #expect(try JSONParser.parse(response.body)["response"]?["outputSpeech"]?["text"] == "pong")
        #expect(harness.handlerRuns == 1)
        await harness.stop()
    }

    @Test("missing or empty verification headers are rejected")
    func missingHeaders() async throws {
        let harness = try await EndpointHarness()
        let body = Self.request()
        try expectRejected(try await harness.post(body, certURL: nil, signature: try harness.sign(body)), "verificationFailed", harness)
        try expectRejected(try await harness.post(body, signature: nil), "verificationFailed", harness)
        try expectRejected(try await harness.post(body, signature: ""), "verificationFailed", harness)
        try expectRejected(try await harness.post(body, signature: "not base64!"), "verificationFailed", harness)
        await harness.stop()
    }

    @Test(
        "every invalid certificate URL from Amazon's list is rejected, and its valid spellings are accepted",
        arguments: AmazonCertificateURLs.invalid.map { ($0, false) } + AmazonCertificateURLs.valid.map { ($0, true) })
    func certURL(url: String, accepted: Bool) async throws {
        let harness = try await EndpointHarness()
        let body = Self.request()
        let response = try await harness.post(body, certURL: url, signature: try harness.sign(body))
        if accepted {
            #expect(response.status == 200)
        } else {
            try expectRejected(response, "verificationFailed", harness)
        }
        await harness.stop()
    }

    @Test("a signature over a different body is rejected")
    func tamperedBody() async throws {
        let harness = try await EndpointHarness()
        let signed = Self.request()
        var tampered = signed
        tampered.append(UInt8(ascii: " "))
        try expectRejected(try await harness.post(tampered, signature: try harness.sign(signed)), "verificationFailed", harness)
        await harness.stop()
    }

    @Test(
        "bad certificates are rejected: expired, not yet valid, wrong SAN, untrusted root",
        arguments: [
            "expired", "not yet valid", "wrong SAN", "untrusted root",
        ])
    func badCertificates(chain: String) async throws {
        let paths: [String: KeyPath<AlexaCertificateFixture, [UInt8]>] = [
            "expired": \.expiredChainPEM, "not yet valid": \.notYetValidChainPEM, "wrong SAN": \.wrongSANChainPEM,
            "untrusted root": \.rogueChainPEM,
        ]
        let harness = try await EndpointHarness(chain: try #require(paths[chain]))
        let body = Self.request()
        try expectRejected(try await harness.post(body, signature: try harness.sign(body)), "verificationFailed", harness)
        await harness.stop()
    }

    // The future case has a few seconds of slack: on a loaded machine signing, the round trip and
    // verification can take over a second, which would bring +151 s back inside the 150 s window.
    @Test("stale and future timestamps are rejected", arguments: [-151, 155, -3600, 86_400])
    func timestamps(offset: Int64) async throws {
        let harness = try await EndpointHarness()
        let body = Self.request(offsetSeconds: offset)
        try expectRejected(try await harness.post(body, signature: try harness.sign(body)), "timestampOutOfRange", harness)
        await harness.stop()
    }

    @Test("a request for another skill is rejected, even when correctly signed")
    func wrongApplication() async throws {
        let harness = try await EndpointHarness()
        let body = Self.request(skillID: "amzn1.ask.skill.someone-else")
        try expectRejected(try await harness.post(body, signature: try harness.sign(body)), "applicationIdMismatch", harness)
        await harness.stop()
    }

    @Test("health, wrong path and wrong method get clear answers")
    func routingOutsideTheSkill() async throws {
        let harness = try await EndpointHarness(verify: false)
        let health = try await harness.send("GET", "/health")
        #expect(health.status == 200)
        #expect(try JSONParser.parse(health.body) == ["status": "ok"])
        #expect(try await harness.send("GET", "/alexa").status == 405)
        #expect(try await harness.send("GET", "/alexa").headers["Allow"] == "POST")
        let missing = try await harness.post(Self.request(), signature: nil, path: "/nowhere")
        #expect(missing.status == 404)
        #expect(try JSONParser.parse(missing.body)["error"] != nil)
        let malformed = try await harness.post(Array("{".utf8), signature: nil)
        #expect(malformed.status == 400)
        #expect(try await harness.post(Self.request(), signature: nil).status == 200)
        await harness.stop()
    }
}

import Foundation
import SkillGateHTTP
import SkillGateModel
import SkillGateTesting
import SkillGateTestSupport
import Testing

/// `ride-hailer serve` as a real process on a real socket.
@Suite(.serialized)
struct ServeProcessTests {
    static let skillID = "amzn1.ask.skill.ride-hailer"

    /// POSTs a body over loopback HTTP.
    static func post(_ body: [UInt8], port: Int, path: String = "/") async throws -> (Int, JSONValue) {
        let client = HTTPClient(host: "127.0.0.1", port: port)
        defer { client.close() }
        let response = try await client.send(
            method: "POST", path: path, headers: ["Content-Type": "application/json"], body: body, timeout: .seconds(10))
        return (response.status, try JSONParser.parse(response.body))
    }

    @Test("serve answers Alexa requests, logs each without the token, and exits 0 on SIGTERM")
    func serveAndStop() async throws {
        let server = try await SkillServerProcess.start(Products.path("ride-hailer"), ["--no-verify"])
        let linked = TestRequest.intent("OrderRideIntent", slots: ["destination": "home"], token: "demo-token-alice", skillID: Self.skillID)
        let (status, body) = try await Self.post(linked.bytes, port: server.port)
        #expect(status == 200)
        #expect(body["sessionAttributes"]?["pendingOrder"]?["address"] == "12 Pine Street")
        let (unlinkedStatus, unlinked) = try await Self.post(
            TestRequest.intent("OrderRideIntent", skillID: Self.skillID).bytes, port: server.port)
        #expect(unlinkedStatus == 200)
        #expect(unlinked["response"]?["card"]?["type"] == "LinkAccount")
        let (badStatus, bad) = try await Self.post(Array("nope".utf8), port: server.port)
        #expect(badStatus == 400)
        #expect(bad["error"]?["code"] == "malformedRequest")
        #expect(await server.stop() == 0)
        #expect(server.log.contains("POST / 200"))
        #expect(server.log.contains("intent=OrderRideIntent linked=yes"))
        #expect(!server.log.contains("demo-token-alice"))
    }

    @Test("serve verifies by default: an unsigned request is rejected with 400")
    func verificationOnByDefault() async throws {
        let server = try await SkillServerProcess.start(Products.path("ride-hailer"))
        let (status, body) = try await Self.post(TestRequest.launch(skillID: Self.skillID).bytes, port: server.port)
        #expect(status == 400)
        #expect(body["error"]?["code"] == "verificationFailed")
        #expect(await server.stop(signal: SIGINT) == 0)
    }

    @Test("--no-verify drops the signature and timestamp checks, not the applicationId check; it warns at start-up")
    func noVerifyKeepsApplicationIdCheck() async throws {
        let server = try await SkillServerProcess.start(Products.path("ride-hailer"), ["--no-verify"])
        #expect(server.log.contains("request verification is OFF"))
        let stale = RequestTimestamp(millisecondsSince1970: RequestTimestamp.now().millisecondsSince1970 - 3_600_000)
        let (staleStatus, _) = try await Self.post(TestRequest.launch(skillID: Self.skillID, timestamp: stale).bytes, port: server.port)
        #expect(staleStatus == 200)
        let (otherStatus, other) = try await Self.post(TestRequest.launch(skillID: "amzn1.ask.skill.someone-else").bytes, port: server.port)
        #expect(otherStatus == 400)
        #expect(other["error"]?["code"] == "applicationIdMismatch")
        #expect(await server.stop() == 0)
    }
}

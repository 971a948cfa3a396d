import Foundation
import SkillGateHTTP
import SkillGateModel
import SkillGateTesting
import SkillGateTestSupport
import Testing

/// Marker secrets in every token position of a request, through every mode at trace level:
/// no marker, and no 8-character piece of one, may appear in stdout, stderr or a JSON answer
/// (the hardening issue's item 4; the doctor's own marker test lives with the doctor).
@Suite(.serialized)
struct MarkerSecretTests {
    static let skillID = "amzn1.ask.skill.ride-hailer"
    static let markers = [
        "MARKERUSERTOKEN0A1B2C3D", "MARKERSESSIONTKN4E5F6G7H", "MARKERPERSONTKN8I9J0K1L",
        "MARKERCONSENTTKN2M3N4O5P", "MARKERAPITOKEN6Q7R8S9T0U",
    ]

    /// Requests that carry every marker, on required, optional, public and permission routes.
    static var requests: [TestRequest] {
        ["OrderRideIntent", "RideStatusIntent", "RideHailerAvailabilityByCity", "OrderRideFromHereIntent", "AMAZON.HelpIntent"].map {
            intent in
            TestRequest.intent(intent, slots: ["destination": "work", "city": "Dallas"], token: markers[0], skillID: skillID)
                .sessionToken(markers[1])
                .person("amzn1.ask.person.MARKER", token: markers[2])
                .permissions(consentToken: markers[3])
                .alexaAPI(endpoint: "https://127.0.0.1:9", token: markers[4])
        }
    }

    /// Fails naming the marker (by index only) if any piece of one shows up in `output`.
    static func expectNoMarker(in output: String, _ where: String) {
        for (index, marker) in markers.enumerated() {
            let pieces = (0...(marker.count - 8)).map { offset in
                String(marker.dropFirst(offset).prefix(8))
            }
            let leaked = pieces.filter { output.contains($0) }
            #expect(!output.contains(marker), "marker \(index) appeared whole in \(`where`)")
            #expect(leaked.isEmpty, "a piece of marker \(index) appeared in \(`where`)")
        }
    }

    @Test("stdio --lines at trace level prints no token, whatever the route")
    func stdio() async throws {
        let input = Self.requests.flatMap { $0.bytes + [UInt8(ascii: "\n")] }
        let output = try await ChildProcess.run(
            Products.path("ride-hailer"), ["stdio", "--lines", "--log-level", "trace"], input: input,
            environment: ["LOG_LEVEL": "trace"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.split(separator: "\n").count == Self.requests.count)
        Self.expectNoMarker(in: output.stdout, "stdout")
        Self.expectNoMarker(in: output.stderr, "stderr")
    }

    @Test("stdio with the account service down (the unavailable path) prints no token")
    func stdioUnavailable() async throws {
        let output = try await ChildProcess.run(
            Products.path("ride-hailer"), ["stdio", "--log-level", "trace"], input: Self.requests[0].bytes,
            environment: ["RIDE_HAILER_OUTAGE": "1", "LOG_LEVEL": "trace"])
        #expect(output.status == 0)
        Self.expectNoMarker(in: output.stdout + output.stderr, "stdio (outage)")
    }

    @Test("serve at trace level, verification off and on, prints and answers no token", arguments: [true, false])
    func serve(verify: Bool) async throws {
        let arguments = ["--log-level", "trace"] + (verify ? [] : ["--no-verify"])
        let server = try await SkillServerProcess.start(Products.path("ride-hailer"), arguments, environment: ["LOG_LEVEL": "trace"])
        let client = HTTPClient(host: "127.0.0.1", port: server.port)
        var answers = ""
        for request in Self.requests {
            let response = try await client.send(
                method: "POST", path: "/", headers: ["Content-Type": "application/json"], body: request.bytes, timeout: .seconds(20))
            #expect(response.status == (verify ? 400 : 200))
            answers += String(decoding: response.body, as: UTF8.self)
        }
        client.close()
        #expect(await server.stop() == 0)
        Self.expectNoMarker(in: answers, "HTTP answers")
        Self.expectNoMarker(in: server.log, "serve's log")
    }

    @Test("replay over stdio with a marker token prints no token")
    func replay() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("markers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let conversation: JSONValue = [
            "conversation": ["user": ["token": .string(Self.markers[0])], "locale": "en-US", "skillId": .string(Self.skillID)],
            "turns": [["intent": "RideStatusIntent", "expect": ["shouldEndSession": true]]],
        ]
        try Data(conversation.jsonBytes).write(to: folder.appendingPathComponent("markers.json"))
        let output = try await ChildProcess.run(
            Products.path("skillgate"),
            ["replay", folder.path, "--exec", "\(Products.path("ride-hailer")) stdio --lines --log-level trace"],
            environment: ["LOG_LEVEL": "trace"])
        Self.expectNoMarker(in: output.stdout + output.stderr, "replay")
    }
}

import Foundation
import SkillGateModel
import SkillGateTesting
import SkillGateTestSupport
import Testing

/// `ride-hailer stdio` driven as a real child process.
@Suite(.serialized)
struct StdioProcessTests {
    static let skillID = "amzn1.ask.skill.ride-hailer"

    @Test("a linked OrderRideIntent on stdin gets the confirmation question on stdout, nothing else")
    func linkedOrder() async throws {
        let request = TestRequest.intent(
            "OrderRideIntent", slots: ["destination": "work"], token: "demo-token-alice", skillID: Self.skillID)
        let output = try await ChildProcess.run(Products.path("ride-hailer"), ["stdio"], input: request.bytes)
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let response = try JSONParser.parse(Array(output.stdout.utf8))
        #expect(
            response["response"]?["outputSpeech"]?["text"]?.stringValue?.hasPrefix("Ordering a ride using your Ride Hailer account") == true
        )
        #expect(response["response"]?["shouldEndSession"] == false)
        #expect(response["sessionAttributes"]?["pendingOrder"]?["address"] == "410 Terry Avenue North")
        #expect(output.stdout.filter { $0 == "\n" }.count == 1)
    }

    @Test("an unlinked OrderRideIntent gets the docs' link prompt and a LinkAccount card")
    func unlinkedOrder() async throws {
        let request = TestRequest.intent("OrderRideIntent", skillID: Self.skillID)
        let output = try await ChildProcess.run(Products.path("ride-hailer"), ["stdio"], input: request.bytes)
        #expect(output.status == 0)
        let response = try JSONParser.parse(Array(output.stdout.utf8))
        #expect(
            response["response"] == [
                "outputSpeech": [
                    "type": "PlainText",
                    "text":
                        "Before I can order you rides, you need to log in with your Ride Hailer account. Please visit the Alexa app to link your Ride Hailer account.",
                ],
                "card": ["type": "LinkAccount"], "shouldEndSession": true,
            ])
    }

    @Test(
        "bad input exits 65 with a one-line message on stderr and nothing on stdout",
        arguments: [
            ("{not json", "malformed request: the body is not JSON: unexpected 'n' at byte 1"),
            ("this is not JSON", "malformed request: the body is not JSON: unexpected 'h' at byte 1"),
            ("", "malformed request: the body is empty"),
            (#"{"request":{"type":"IntentRequest"}}"#, "malformed request: request.intent: is missing"),
            (
                #"{"context":{"System":{"application":{"applicationId":"amzn1.ask.skill.other"}}},"request":{"type":"LaunchRequest"}}"#,
                "wrong skill"
            ),
        ])
    func badInput(input: String, message: String) async throws {
        let output = try await ChildProcess.run(Products.path("ride-hailer"), ["stdio"], input: Array(input.utf8))
        #expect(output.status == 65)
        #expect(output.stdout.isEmpty)
        let lines = output.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(output.stderr)")
        #expect(output.stderr.contains(message), "stderr: \(output.stderr)")
    }

    @Test("--lines answers every line in order; a bad line gets an error line and processing goes on")
    func lines() async throws {
        let lines = [
            String(decoding: TestRequest.launch(skillID: Self.skillID).bytes, as: UTF8.self),
            "{broken",
            String(
                decoding: TestRequest.intent("RideHailerAvailabilityByCity", slots: ["city": "Dallas"], skillID: Self.skillID).bytes,
                as: UTF8.self),
            "",
            String(decoding: TestRequest.intent("OrderRideIntent", skillID: Self.skillID).bytes, as: UTF8.self),
        ]
        let output = try await ChildProcess.run(
            Products.path("ride-hailer"), ["stdio", "--lines"], input: Array(lines.joined(separator: "\n").utf8))
        #expect(output.status == 0)
        let answers = output.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(answers.count == 5, "stdout: \(output.stdout)")
        let parsed = try answers.map { try JSONParser.parse(Array($0.utf8)) }
        #expect(parsed[0]["response"]?["outputSpeech"]?["text"]?.stringValue?.hasPrefix("Welcome to Ride Hailer") == true)
        #expect(parsed[1]["error"]?["code"] == "malformedRequest")
        #expect(
            parsed[2]["response"]?["outputSpeech"]?["text"]
                == "Ride Hailer offers a full range of services in Dallas: economy, premium and shared rides.")
        #expect(parsed[3]["error"]?["code"] == "malformedRequest")
        #expect(parsed[4]["response"]?["card"]?["type"] == "LinkAccount")
    }

    @Test("routes prints every route with its linking policy, as text and JSON")
    func routes() async throws {
        let text = try await ChildProcess.run(Products.path("ride-hailer"), ["routes"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("intent OrderRideIntent"))
        let json = try JSONParser.parse(Array(try await ChildProcess.run(Products.path("ride-hailer"), ["routes", "--json"]).stdout.utf8))
        let routes = try #require(json["routes"]?.arrayValue)
        let policies = Dictionary(
            uniqueKeysWithValues: routes.compactMap { route -> (String, String)? in
                guard let name = route["name"]?.stringValue, let linking = route["linking"]?.stringValue else { return nil }
                return (name, linking)
            })
        #expect(policies["OrderRideIntent"] == "required")
        #expect(policies["RideHailerAvailabilityByCity"] == "public")
        #expect(policies["AMAZON.HelpIntent"] == "public")
        #expect(json["skill"] == "Ride Hailer")
    }

    @Test("a bad command line exits 64 with one line on stderr naming the problem and pointing at --help")
    func usage() async throws {
        let output = try await ChildProcess.run(Products.path("ride-hailer"), ["fly"])
        #expect(output.status == 64)
        #expect(output.stderr == "ride-hailer: unknown command 'fly'; use stdio, serve, lambda or routes (see 'ride-hailer --help')\n")
    }
}

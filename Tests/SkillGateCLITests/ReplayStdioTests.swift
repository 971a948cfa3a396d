import Foundation
import SkillGateModel
import Testing
import SkillGateTestSupport

/// `skillgate replay --exec` against the built sample and small scripted skills.
struct ReplayStdioTests {
    @Test("the Ride Hailer replay folder passes against the built sample over stdio")
    func sampleReplayPasses() async throws {
        let database = try TemporaryFolder("ride-hailer-db")
        let output = try await Command.skillgate(
            ["replay", Command.rideHailerReplay, "--exec", Command.rideHailerExec], environment: Command.sampleDatabase(in: database))
        #expect(output.status == 0, "\(output)")
        #expect(output.stdout.contains(" 0 failed"))
        #expect(!output.stdout.contains("without expectations"))
        #expect(output.stdout.contains("order-confirm.json (conversation, 3 turns)"))
        #expect(output.stdout.contains("IntentRequest OrderRideIntent {destination=work} · linked …lice"))
        #expect(!output.stdout.contains("demo-token-alice"), "tokens are shown redacted")
    }

    @Test("a changed expectation exits 1 with a diff naming the field, the expectation and the answer")
    func inlineMismatch() async throws {
        let folder = try TemporaryFolder()
        let path = try folder.copy(Command.rideHailerReplay + "/conversations/order-confirm.json")
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "is booked. Your driver", with: "is confirmed. Your driver")
        text = text.replacingOccurrences(of: "\"card\": \"Simple\"", with: "\"card\": \"Standard\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let output = try await Command.skillgate(["replay", path, "--exec", Command.rideHailerExec])
        #expect(output.status == 1, "\(output)")
        #expect(output.stdout.contains("FAIL: 2 differences"))
        #expect(
            output.stdout.contains(
                """
                       speech
                         expected: "Your ride to 410 Terry Avenue North is confirmed. Your driver will be there in about five minutes."
                         actual:   "Your ride to 410 Terry Avenue North is booked. Your driver will be there in about five minutes."
                """))
        #expect(output.stdout.contains("card\n         expected: Standard\n         actual:   Simple"))
        #expect(output.stdout.contains("FAILED \(path) turn 3"))
        #expect(output.stdout.contains("2 passed, 1 failed"))
    }

    @Test("a sidecar mismatch shows the JSON path that differs")
    func sidecarMismatch() async throws {
        let folder = try TemporaryFolder()
        try folder.copy(Command.rideHailerReplay + "/requests/order-ride-linked.json", as: "order.json")
        let sidecar = try String(contentsOfFile: Command.rideHailerReplay + "/requests/order-ride-linked.expected.json", encoding: .utf8)
        try folder.write(
            sidecar.replacingOccurrences(of: "410 Terry Avenue North\"\n", with: "1 Main Street\"\n"), to: "order.expected.json")
        let output = try await Command.skillgate(["replay", folder.path + "/order.json", "--exec", Command.rideHailerExec])
        #expect(output.status == 1, "\(output)")
        #expect(
            output.stdout.contains(
                "$.sessionAttributes.pendingOrder.address\n         expected: \"1 Main Street\"\n         actual:   \"410 Terry Avenue North\""
            ))
    }

    @Test("--update records expectations where there are none and rewrites only the failing one; the next replay passes")
    func update() async throws {
        let folder = try TemporaryFolder()
        try folder.copy(Command.rideHailerReplay + "/requests/launch.json", as: "launch.json")
        try folder.write(
            #"{"conversation": {"user": {"token": "demo-token-bob"}, "skillId": "amzn1.ask.skill.ride-hailer"}, "turns": [{"launch": {}}, {"intent": "OrderRideIntent", "slots": {"destination": "home"}, "expect": {"speech": "wrong", "shouldEndSession": false}}, {"intent": "AMAZON.NoIntent"}]}"#,
            to: "talk.json")
        let before = try await Command.skillgate(["replay", folder.path, "--exec", Command.rideHailerExec])
        #expect(before.status == 1)

        let update = try await Command.skillgate(["replay", folder.path, "--exec", Command.rideHailerExec, "--update"])
        #expect(update.status == 0, "\(update)")
        #expect(update.stdout.contains("updated 4 expectations in 2 files"), "\(update)")
        #expect(update.stdout.contains("+++ \(folder.path)/launch.expected.json"), "a new sidecar is shown as a diff")
        let sidecar = try JSONParser.parse(Array(try folder.read("launch.expected.json").utf8))
        #expect(sidecar["response"]?["outputSpeech"]?["text"]?.stringValue?.hasPrefix("Welcome to Ride Hailer") == true)
        let talk = try JSONParser.parse(Array(try folder.read("talk.json").utf8))
        #expect(talk["conversation"]?["user"]?["token"] == "demo-token-bob")
        #expect(talk["turns"]?[0]?["expect"]?["shouldEndSession"] == false, "a turn without expectations gets them")
        #expect(
            talk["turns"]?[1]?["expect"] == [
                "speech":
                    "Ordering a ride using your Ride Hailer account, paid with your Ride Hailer credit. You wanted to go to your default home location, 77 Elm Road, right?",
                "shouldEndSession": false,
            ], "only the failing speech is rewritten; the passing check stays and nothing is added")
        #expect(
            talk["turns"]?[2]?["expect"] == [
                "speech": "Okay, I won't order that ride.", "card": "none", "shouldEndSession": true,
                "sessionAttributes": ["pendingOrder": nil],
            ])

        let after = try await Command.skillgate(["replay", folder.path, "--exec", Command.rideHailerExec])
        #expect(after.status == 0, "\(after)")
        #expect(after.stdout.contains("4 passed, 0 failed"))
    }

    @Test("conversations thread the session like Alexa: one ID, new only first, attributes from the last answer")
    func sessionThreading() async throws {
        let folder = try TemporaryFolder()
        // A scripted skill: logs each request line and answers with its turn number as a session
        // attribute; the third answer ends the session.
        let script = try folder.write(
            """
            n=0
            while IFS= read -r line; do
              n=$((n+1))
              printf '%s\\n' "$line" >> "$1"
              end=false; [ $n -eq 3 ] && end=true
              printf '{"version":"1.0","sessionAttributes":{"turn":%d},"response":{"shouldEndSession":%s}}\\n' $n $end
            done
            """, to: "skill.sh")
        let conversation = try folder.write(
            #"{"conversation": {"user": {"token": "t-1234"}}, "turns": [{"launch": {}}, {"intent": "A"}, {"intent": "B"}, {"intent": "C", "user": "unlinked"}, {"canFulfill": "D"}, {"sessionEnded": "USER_INITIATED"}, {"sessionEnded": "USER_INITIATED"}]}"#,
            to: "talk.json")
        let log = folder.path + "/requests.log"
        let output = try await Command.skillgate(["replay", conversation, "--exec", "sh \(script) \(log)"])
        #expect(output.status == 1, "the last turn cannot happen: \(output)")
        #expect(output.stdout.contains("7  SessionEndedRequest USER_INITIATED\n     FAIL: the session already ended at turn 6"))
        let requests = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map {
            try RequestEnvelope(jsonBytes: Array($0.utf8))
        }
        try #require(requests.count == 6)
        let first = try #require(requests[0].session)
        #expect(first.isNew && first.attributes.isEmpty)
        #expect(requests[1].session?.sessionId == first.sessionId && requests[1].session?.isNew == false)
        #expect(requests[1].session?.attributes["turn"] == 1)
        #expect(requests[2].session?.attributes["turn"] == 2)
        #expect(requests[2].accessToken == "t-1234")
        let second = try #require(requests[3].session)
        #expect(second.isNew && second.sessionId != first.sessionId && second.attributes.isEmpty, "the skill ended the first session")
        #expect(requests[3].accessToken == nil, "the user changed to unlinked")
        #expect(requests[4].request.type == "CanFulfillIntentRequest")
        #expect(requests[4].session?.sessionId != second.sessionId)
        #expect(requests[5].request.type == "SessionEndedRequest")
        #expect(requests[5].session?.sessionId == second.sessionId && requests[5].session?.attributes["turn"] == 4)
    }

    @Test("unreadable files exit 2 after the rest still replays")
    func badFiles() async throws {
        let folder = try TemporaryFolder()
        try folder.write("{not json", to: "a-broken.json")
        try folder.write(#"{"conversation": {}, "turns": [{"launch": {}, "expect": {"speechContain": "x"}}]}"#, to: "b-typo.json")
        try folder.write(#"{"hello": 1}"#, to: "c-other.json")
        try folder.copy(Command.rideHailerReplay + "/requests/launch.json", as: "d-launch.json")
        let output = try await Command.skillgate(["replay", folder.path, "--exec", Command.rideHailerExec])
        #expect(output.status == 2, "\(output)")
        #expect(output.stderr.contains("a-broken.json is not valid JSON"))
        #expect(output.stderr.contains("unknown expectation \"speechContain\""))
        #expect(output.stderr.contains("c-other.json is not a replay file"))
        #expect(output.stdout.contains("d-launch.json (envelope)"))
        #expect(output.stdout.contains("3 unreadable files"))
    }

    @Test(
        "a skill that cannot start, stops answering or is unreachable exits 2",
        arguments: [
            // The shell may exit before or after the request is written: either way the status is named.
            (["--exec", "/nonexistent/skill stdio --lines"], "exited with status 127 before"),
            (["--exec", "sleep 30", "--timeout", "0.3"], "gave no answer line within"),
            (["--exec", "read line; echo not-json"], "the skill's answer is not JSON"),
            (["--url", "http://127.0.0.1:1/"], "cannot reach http://127.0.0.1:1/"),
        ])
    func unreachable(arguments: [String], message: String) async throws {
        let output = try await Command.skillgate(["replay", Command.rideHailerReplay + "/requests/launch.json"] + arguments)
        #expect(output.status == 2, "\(output)")
        #expect(output.stderr.contains(message), "\(output)")
    }

    @Test(
        "usage errors exit 2",
        arguments: [
            ([], "say what to replay"),
            (["x.json"], "say where the skill is"),
            (["/nonexistent.json", "--exec", "true"], "/nonexistent.json does not exist"),
            (["x.json", "--exec", "a", "--url", "http://b/"], "contradict"),
            (["x.json", "--exec", "a", "--sign-with", "k.pem"], "--sign-with needs --url"),
            (["x.json", "--url", "http://b/", "--cert-chain", "c.pem"], "go with --sign-with"),
            (["x.json", "--url", "https://example.com/"], "--url must be http://"),
            (["x.json", "--exec", "a", "--timeout", "soon"], "--timeout needs a number"),
        ])
    func usageErrors(arguments: [String], message: String) async throws {
        let folder = try TemporaryFolder()
        try folder.copy(Command.rideHailerReplay + "/requests/launch.json", as: "x.json")
        let output = try await Command.skillgate(["replay"] + arguments, directory: folder.path)
        #expect(output.status == 2, "\(output)")
        #expect(output.stderr.contains(message), "\(output)")
    }
}

import Foundation
import SkillGateModel
import Testing
import SkillGateTestSupport

/// Files the ASK CLI writes, replayed offline: `ask dialog --replay` and `--save-skill-io`.
struct AskFilesTests {
    /// The sample, answering only requests within 150 seconds of now (recordings must be refreshed).
    static var strictExec: String { "\(Command.path("ride-hailer")) stdio --lines --check-timestamp" }

    /// A recording in the ASK CLI's format: the simulation's `invocationRequest.body` as
    /// `request`, its `invocationResponse` as `response`; one response bare, one stale timestamp.
    static func recording(speech: String) -> String {
        func envelope(_ request: String, new: Bool) -> String {
            """
            {"version": "1.0",
             "session": {"new": \(new), "sessionId": "amzn1.echo-api.session.recorded", "application": {"applicationId": "amzn1.ask.skill.ride-hailer"},
                         "attributes": {}, "user": {"userId": "amzn1.ask.account.RECORDED"}},
             "context": {"System": {"application": {"applicationId": "amzn1.ask.skill.ride-hailer"}, "user": {"userId": "amzn1.ask.account.RECORDED"},
                                    "device": {"deviceId": "amzn1.ask.device.RECORDED", "supportedInterfaces": {}},
                                    "apiEndpoint": "https://api.amazonalexa.com", "apiAccessToken": "recorded"}},
             "request": \(request)}
            """
        }
        let launch = envelope(
            #"{"type": "LaunchRequest", "requestId": "amzn1.echo-api.request.1", "timestamp": "2021-03-04T05:06:07Z", "locale": "en-US"}"#,
            new: true)
        let city = envelope(
            #"{"type": "IntentRequest", "requestId": "amzn1.echo-api.request.2", "timestamp": "2021-03-04T05:06:09Z", "locale": "en-US", "intent": {"name": "RideHailerAvailabilityByCity", "confirmationStatus": "NONE", "slots": {"city": {"name": "city", "value": "Dallas", "confirmationStatus": "NONE"}}}}"#,
            new: false)
        return """
            {"invocations": [
              {"request": \(launch),
               "response": {"body": {"version": "1.0", "userAgent": "ask-node/2.14.0 Node/v18.17.0",
                                     "response": {"outputSpeech": {"type": "PlainText", "text": "Welcome to Ride Hailer. You can say: get me a ride to work, or ask what services are available in your city. What would you like to do?"}, "shouldEndSession": false}}}},
              {"request": \(city),
               "response": {"version": "1.0", "response": {"outputSpeech": {"type": "PlainText", "text": "\(speech)"}, "shouldEndSession": true}}}
            ]}
            """
    }

    @Test("an ask dialog --replay file plays each line as a said turn; dot commands are skipped; --update leaves it alone")
    func askReplay() async throws {
        let folder = try TemporaryFolder()
        try folder.copy(Command.checkout + "/Samples/RideHailer/skill-package")
        let text = """
            {"skillId": "amzn1.ask.skill.ride-hailer", "locale": "en-US", "type": "text",
             "userInput": ["open ride hailer", "what services are available in Dallas", ".record session.json", "stop"]}
            """
        let path = try folder.write(text, to: "Replay/dialog.json")
        let output = try await Command.skillgate(["replay", path, "--exec", Self.strictExec])
        #expect(output.status == 0, "\(output)")
        #expect(output.stdout.contains("dialog.json (ask dialog --replay, 3 turns)"), "\(output)")
        #expect(
            output.stdout.contains(
                "2  say \"what services are available in Dallas\" → IntentRequest RideHailerAvailabilityByCity {city=Dallas}"))
        #expect(output.stdout.contains("speech: Ride Hailer offers a full range of services in Dallas"))
        #expect(output.stdout.contains("3 without expectations"))
        let update = try await Command.skillgate(["replay", path, "--exec", Self.strictExec, "--update"])
        #expect(update.status == 0, "\(update)")
        #expect(update.stdout.contains("holds no expectations to update"))
        #expect(try folder.read("Replay/dialog.json") == text, "the ASK file is not rewritten")
    }

    @Test("a --save-skill-io recording replays each request with a fresh timestamp against its recorded response")
    func skillIO() async throws {
        let folder = try TemporaryFolder()
        let good = try folder.write(
            Self.recording(speech: "Ride Hailer offers a full range of services in Dallas: economy, premium and shared rides."),
            to: "good.json")
        let output = try await Command.skillgate(["replay", good, "--exec", Self.strictExec])
        #expect(output.status == 0, "the stale timestamps were refreshed and userAgent is not compared: \(output)")
        #expect(output.stdout.contains("(ask dialog --save-skill-io recording, 2 invocations)"))
        #expect(output.stdout.contains("2 passed, 0 failed"))

        let text = Self.recording(speech: "Ride Hailer is in Dallas.")
        let changed = try folder.write(text, to: "changed.json")
        let failing = try await Command.skillgate(["replay", changed, "--exec", Self.strictExec])
        #expect(failing.status == 1, "\(failing)")
        #expect(failing.stdout.contains("$.response.outputSpeech.text\n         expected: \"Ride Hailer is in Dallas.\""), "\(failing)")
        #expect(failing.stdout.contains("FAILED \(changed) turn 2"))

        let dryRun = try await Command.skillgate(["replay", changed, "--exec", Self.strictExec, "--update", "--dry-run"])
        #expect(dryRun.status == 1, "something would change: \(dryRun)")
        #expect(dryRun.stdout.contains("+++ \(changed) (would update 1 expectation)"), "\(dryRun)")
        #expect(dryRun.stdout.contains("would update 1 expectation in 1 file (--dry-run: nothing written)"))
        #expect(try folder.read("changed.json") == text, "--dry-run writes nothing")

        let update = try await Command.skillgate(["replay", changed, "--exec", Self.strictExec, "--update"])
        #expect(update.status == 0, "\(update)")
        let updated = try JSONParser.parse(Array(try folder.read("changed.json").utf8))
        #expect(
            updated["invocations"]?[1]?["response"]?["response"]?["outputSpeech"]?["text"]
                == "Ride Hailer offers a full range of services in Dallas: economy, premium and shared rides.")
        #expect(
            updated["invocations"]?[0]?["response"]?["body"]?["userAgent"] == "ask-node/2.14.0 Node/v18.17.0", "the passing one is kept")
        #expect(updated["invocations"]?[1]?["request"]?["request"]?["timestamp"] == "2021-03-04T05:06:09Z", "the recording itself is kept")
        let after = try await Command.skillgate(["replay", changed, "--exec", Self.strictExec])
        #expect(after.status == 0, "\(after)")
    }

    @Test(
        "malformed ASK files are reported with the format",
        arguments: [
            (#"{"userInput": "open ride hailer"}"#, "userInput must be a list of strings"),
            (#"{"type": "voice", "userInput": ["hi"]}"#, "type must be \"text\""),
            (#"{"invocations": []}"#, "\"invocations\" must be a non-empty list"),
            (#"{"invocations": [{"request": {"version": "1.0"}}]}"#, "invocation 1: \"request\" must be a request envelope"),
        ])
    func malformed(text: String, message: String) async throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(text, to: "ask.json")
        let output = try await Command.skillgate(["replay", path, "--exec", "cat"])
        #expect(output.status == 2, "\(output)")
        #expect(output.stderr.contains(message), "\(output)")
    }
}

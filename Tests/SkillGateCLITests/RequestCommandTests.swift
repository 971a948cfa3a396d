import Foundation
import SkillGateModel
import Testing
import SkillGateTestSupport

/// `skillgate request` run as a real child process.
struct RequestCommandTests {
    static let skillID = "amzn1.ask.skill.ride-hailer"

    @Test(
        "every kind prints an envelope that decodes, with a fresh request ID and the current timestamp",
        arguments: [
            (["launch"], "LaunchRequest"),
            (["intent", "OrderRideIntent", "--slot", "destination=work"], "IntentRequest"),
            (["session-ended", "--reason", "ERROR"], "SessionEndedRequest"),
            (["can-fulfill", "OrderRideIntent"], "CanFulfillIntentRequest"),
            (["account-linked", "--token", "demo-token-alice"], "AlexaSkillEvent.SkillAccountLinked"),
        ])
    func kinds(arguments: [String], type: String) async throws {
        let first = try await Command.skillgate(["request"] + arguments)
        let second = try await Command.skillgate(["request"] + arguments)
        #expect(first.status == 0, "\(first)")
        let envelope = try RequestEnvelope(jsonBytes: Array(first.stdout.utf8))
        #expect(envelope.request.type == type)
        let header = envelope.request.header
        #expect(header.requestId.hasPrefix("amzn1.echo-api.request."))
        let timestamp = try #require(header.timestamp)
        #expect(abs(timestamp.secondsSince1970 - Date().timeIntervalSince1970) < 120)
        let again = try RequestEnvelope(jsonBytes: Array(second.stdout.utf8))
        #expect(again.request.header.requestId != header.requestId)
    }

    @Test("--unlinked leaves out accessToken entirely; --token puts it in the context and the session")
    func linking() async throws {
        let unlinked = try await Command.skillgate(["request", "intent", "OrderRideIntent", "--unlinked"])
        #expect(unlinked.status == 0)
        #expect(!unlinked.stdout.contains("accessToken"))
        #expect(try RequestEnvelope(jsonBytes: Array(unlinked.stdout.utf8)).accessToken == nil)
        let defaulted = try await Command.skillgate(["request", "launch"])
        #expect(!defaulted.stdout.contains("accessToken"))

        let linked = try await Command.skillgate(["request", "intent", "OrderRideIntent", "--token", "demo-token-alice"])
        let json = try JSONParser.parse(Array(linked.stdout.utf8))
        #expect(json["context"]?["System"]?["user"]?["accessToken"] == "demo-token-alice")
        #expect(json["session"]?["user"]?["accessToken"] == "demo-token-alice")
    }

    @Test("slots, locale, skill ID, session attributes and --not-new land where Alexa puts them")
    func options() async throws {
        let output = try await Command.skillgate([
            "request", "intent", "OrderRideIntent", "--slot", "destination=work", "--slot", "when=now", "--locale", "de-DE",
            "--skill-id", Self.skillID, "--session-attributes", #"{"pendingOrder":{"destination":"home"}}"#, "--not-new",
            "--session-id", "amzn1.echo-api.session.fixed", "--timestamp", "2026-01-15T09:30:00Z", "--request-id",
            "amzn1.echo-api.request.fixed",
        ])
        #expect(output.status == 0, "\(output)")
        let envelope = try RequestEnvelope(jsonBytes: Array(output.stdout.utf8))
        guard case .intent(let intent) = envelope.request else {
            Issue.record("not an IntentRequest: \(output.stdout)")
            return
        }
        #expect(intent.slots["destination"]?.value == "work")
        #expect(intent.slots["when"]?.value == "now")
        #expect(envelope.locale == "de-DE")
        #expect(envelope.applicationId == Self.skillID)
        #expect(envelope.session?.isNew == false)
        #expect(envelope.session?.sessionId == "amzn1.echo-api.session.fixed")
        #expect(envelope.session?.attributes["pendingOrder"]?["destination"] == "home")
        #expect(intent.header.requestId == "amzn1.echo-api.request.fixed")
        #expect(intent.header.timestamp?.iso8601.hasPrefix("2026-01-15T09:30:00") == true)
    }

    @Test("--compact prints one line that the sample answers over stdio --lines")
    func compactPipesIntoTheSample() async throws {
        let request = try await Command.skillgate([
            "request", "intent", "OrderRideIntent", "--slot", "destination=work", "--compact", "--skill-id", Self.skillID,
        ])
        #expect(request.stdout.filter { $0 == "\n" }.count == 1)
        let answer = try await Command.run(Command.path("ride-hailer"), ["stdio", "--lines"], input: Array(request.stdout.utf8))
        let response = try JSONParser.parse(Array(answer.stdout.utf8))
        #expect(response["response"]?["card"]?["type"] == "LinkAccount")
    }

    @Test(
        "usage errors exit 2 with a message saying what to fix",
        arguments: [
            ([], "say which request"),
            (["fly"], "unknown request kind 'fly'"),
            (["intent"], "intent needs an intent name"),
            (["launch", "--token", "t", "--unlinked"], "contradict"),
            (["launch", "--session-attributes", "[1]"], "--session-attributes needs a JSON object"),
            (["account-linked"], "account-linked needs --token"),
            (["launch", "--slot", "a=b"], "--slot applies to intent and can-fulfill"),
            (["intent", "X", "--slot", "novalue"], "--slot needs NAME=VALUE"),
            (["launch", "--timestamp", "yesterday"], "--timestamp needs an ISO-8601 time"),
            (["launch", "--bogus"], "unknown option '--bogus'"),
        ])
    func usageErrors(arguments: [String], message: String) async throws {
        let output = try await Command.skillgate(["request"] + arguments)
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains(message), "\(output)")
    }

    @Test("templates are found through --templates or SKILLGATE_TEMPLATES, and a bad one fails clearly")
    func templateLocation() async throws {
        let missing = try await Command.skillgate(["request", "launch", "--templates", "/nonexistent/Templates"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--templates /nonexistent/Templates is not a SkillGate Templates folder"))

        let folder = try TemporaryFolder()
        let templates = try folder.copy(Command.checkout + "/Templates")
        let launch = templates + "/requests/LaunchRequest.json"
        let text = try String(contentsOfFile: launch, encoding: .utf8).replacingOccurrences(of: "{{locale}}", with: "{{lokale}}")
        try text.write(toFile: launch, atomically: true, encoding: .utf8)
        let typo = try await Command.skillgate(["request", "launch"], environment: ["SKILLGATE_TEMPLATES": templates])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("unknown placeholder {{lokale}}"), "\(typo)")
        let fine = try await Command.skillgate(["request", "intent", "X"], environment: ["SKILLGATE_TEMPLATES": templates])
        #expect(fine.status == 0)
    }
}

import Foundation
import SkillGateModel
import Testing
import SkillGateTestSupport

/// Conversation turns that say things and carry dialog, identity, permission and device context,
/// checked in the requests a scripted skill receives.
struct ConversationTurnTests {
    /// A skill that logs each request line to `$1` and answers with an open session.
    static let loggingSkill = """
        while IFS= read -r line; do
          printf '%s\\n' "$line" >> "$1"
          printf '{"version":"1.0","response":{"shouldEndSession":false}}\\n'
        done
        """

    /// A temporary folder with the sample's skill package and ``loggingSkill`` as `skill.sh`; returns
    /// the folder and the script's path.
    static func loggingSkillFolder() throws -> (TemporaryFolder, String) {
        let folder = try TemporaryFolder()
        try folder.copy(Command.checkout + "/Samples/RideHailer/skill-package")
        return (folder, try folder.write(Self.loggingSkill, to: "skill.sh"))
    }

    @Test("each turn's dialog state, confirmations, locale, user, person, permissions and interfaces reach the request")
    func turnContext() async throws {
        let (folder, script) = try Self.loggingSkillFolder()
        let conversation = try folder.write(
            """
            {"conversation": {"user": {"token": "token-1234"}, "skillId": "amzn1.ask.skill.ride-hailer",
                              "person": {"personId": "amzn1.ask.person.ALEX"}, "supportedInterfaces": ["AudioPlayer"]},
             "turns": [
               {"say": "get me a ride", "dialogState": "STARTED"},
               {"intent": "OrderRideIntent", "dialogState": "IN_PROGRESS",
                "slots": {"destination": {"value": "work", "confirmationStatus": "CONFIRMED"}}},
               {"say": "take me to my office", "dialogState": "COMPLETED", "confirmationStatus": "DENIED",
                "slots": {"destination": {"confirmationStatus": "DENIED"}},
                "person": {"personId": "amzn1.ask.person.SAM", "token": "person-5678"},
                "permissions": {"consentToken": "consent-1", "scopes": {"alexa::devices:all:geolocation:read": "GRANTED"}}},
               {"say": "help", "user": "unlinked", "person": "none", "permissions": "none", "locale": "en-GB",
                "supportedInterfaces": {"Alexa.Presentation.APL": {"runtime": {"maxVersion": "2024.1"}}}}
             ]}
            """, to: "talk.json")
        let log = folder.path + "/requests.log"
        let output = try await Command.skillgate([
            "replay", conversation, "--exec", "sh \(script) \(log)", "--model",
            folder.path + "/skill-package/interactionModels/custom/en-US.json",
        ])
        #expect(output.status == 0, "\(output)")
        #expect(output.stdout.contains("say \"take me to my office\" → IntentRequest OrderRideIntent {destination=my office (work)}"))
        #expect(output.stdout.contains("· person linked …5678"), "a person token is shown redacted: \(output)")
        #expect(!output.stdout.contains("person-5678") && !output.stdout.contains("token-1234"))
        let requests = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map { try JSONParser.parse(Array($0.utf8)) }
        try #require(requests.count == 4)
        let first = requests[0]
        #expect(first["request"]?["dialogState"] == "STARTED")
        #expect(first["request"]?["intent"]?["slots"]?["destination"] == ["name": "destination", "confirmationStatus": "NONE"])
        #expect(first["context"]?["System"]?["person"] == ["personId": "amzn1.ask.person.ALEX"])
        #expect(first["context"]?["System"]?["device"]?["supportedInterfaces"] == ["AudioPlayer": [:]])
        let second = requests[1]["request"]
        #expect(second?["dialogState"] == "IN_PROGRESS")
        #expect(second?["intent"]?["slots"]?["destination"]?["confirmationStatus"] == "CONFIRMED")
        let third = requests[2]
        #expect(third["request"]?["intent"]?["confirmationStatus"] == "DENIED")
        #expect(third["request"]?["intent"]?["slots"]?["destination"]?["confirmationStatus"] == "DENIED")
        #expect(
            third["request"]?["intent"]?["slots"]?["destination"]?["resolutions"]?["resolutionsPerAuthority"]?[0]?["status"]?["code"]
                == "ER_SUCCESS_MATCH")
        #expect(third["context"]?["System"]?["person"] == ["personId": "amzn1.ask.person.SAM", "accessToken": "person-5678"])
        #expect(
            third["context"]?["System"]?["user"]?["permissions"]?["scopes"]?["alexa::devices:all:geolocation:read"]?["status"] == "GRANTED")
        #expect(third["context"]?["System"]?["user"]?["accessToken"] == "token-1234")
        let fourth = requests[3]
        #expect(fourth["request"]?["intent"]?["name"] == "AMAZON.HelpIntent")
        #expect(fourth["request"]?["locale"] == "en-GB")
        #expect(fourth["context"]?["System"]?["person"] == nil)
        #expect(fourth["context"]?["System"]?["user"]?["permissions"] == nil)
        #expect(fourth["context"]?["System"]?["user"]?["accessToken"] == nil)
        #expect(fourth["context"]?["System"]?["device"]?["supportedInterfaces"]?["Alexa.Presentation.APL"] != nil)
        #expect(fourth["session"]?["sessionId"] == first["session"]?["sessionId"], "one session throughout")
    }

    @Test("in a dialog, slots gathered so far ride along: from the request a Dialog directive answered, or its updatedIntent")
    func dialogCarry() async throws {
        let folder = try TemporaryFolder()
        let model = Command.rideHailerModel(
            intents: [
                [
                    "name": "OrderRideIntent",
                    "slots": [
                        ["name": "destination", "type": "DestinationType", "samples": ["to {destination}"]],
                        ["name": "when", "type": "AMAZON.TIME"],
                    ],
                    "samples": ["get me a ride", "get me a ride {when}"],
                ]
            ],
            types: [["name": "DestinationType", "values": [["id": "work", "name": ["value": "work", "synonyms": ["the office"]]]]]])
        let modelPath = try folder.write(model.jsonString, to: "skill-package/interactionModels/custom/en-US.json")
        // Answers 1: elicit the destination; 2: delegate with an updated intent; 3: done.
        let script = try folder.write(
            """
            n=0
            while IFS= read -r line; do
              n=$((n+1)); printf '%s\\n' "$line" >> "$1"
              case $n in
                1) printf '{"version":"1.0","response":{"directives":[{"type":"Dialog.ElicitSlot","slotToElicit":"destination"}],"shouldEndSession":false}}\\n' ;;
                2) printf '{"version":"1.0","response":{"directives":[{"type":"Dialog.Delegate","updatedIntent":{"name":"OrderRideIntent","confirmationStatus":"NONE","slots":{"destination":{"name":"destination","value":"the office","confirmationStatus":"CONFIRMED"},"when":{"name":"when","value":"in ten minutes","confirmationStatus":"NONE"}}}}],"shouldEndSession":false}}\\n' ;;
                *) printf '{"version":"1.0","response":{"shouldEndSession":true}}\\n' ;;
              esac
            done
            """, to: "skill.sh")
        let conversation = try folder.write(
            #"{"conversation": {"skillId": "amzn1.ask.skill.ride-hailer"}, "turns": [{"say": "get me a ride now", "dialogState": "STARTED"}, {"say": "to the office", "dialogState": "IN_PROGRESS"}, {"intent": "OrderRideIntent", "dialogState": "COMPLETED", "confirmationStatus": "CONFIRMED"}]}"#,
            to: "talk.json")
        let log = folder.path + "/requests.log"
        let output = try await Command.skillgate(["replay", conversation, "--exec", "sh \(script) \(log)", "--model", modelPath])
        #expect(output.status == 0, "\(output)")
        let requests = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map { try JSONParser.parse(Array($0.utf8)) }
        try #require(requests.count == 3)
        #expect(requests[0]["request"]?["intent"]?["slots"]?["when"]?["value"] == "now")
        let second = requests[1]["request"]?["intent"]?["slots"]
        #expect(second?["destination"]?["value"] == "the office", "the slot sample answered the elicitation")
        #expect(second?["destination"]?["resolutions"]?["resolutionsPerAuthority"]?[0]?["values"]?[0]?["value"]?["id"] == "work")
        #expect(second?["when"]?["value"] == "now", "carried from the request the directive answered")
        let third = requests[2]["request"]?["intent"]
        #expect(third?["confirmationStatus"] == "CONFIRMED")
        #expect(third?["slots"]?["when"]?["value"] == "in ten minutes", "the Delegate's updatedIntent wins")
        #expect(third?["slots"]?["destination"]?["confirmationStatus"] == "CONFIRMED")
    }

    @Test("a said turn the model does not understand fails with the closest samples, and the rest is not played")
    func unresolvedTurn() async throws {
        let (folder, script) = try Self.loggingSkillFolder()
        let conversation = try folder.write(
            #"{"conversation": {"skillId": "amzn1.ask.skill.ride-hailer"}, "turns": [{"say": "open ride hailer"}, {"say": "fly me to the moon"}, {"say": "help"}, {"say": "stop"}]}"#,
            to: "talk.json")
        let log = folder.path + "/requests.log"
        let output = try await Command.skillgate(["replay", conversation, "--exec", "sh \(script) \(log)"])
        #expect(output.status == 1, "\(output)")
        #expect(output.stdout.contains("2  say \"fly me to the moon\"\n     FAIL: no sample utterance in"), "\(output)")
        #expect(output.stdout.contains("the closest are \"take me to {destination}\" (OrderRideIntent)"), "\(output)")
        #expect(output.stdout.contains("(turns 3-4 not played: turn 2 could not be sent)"))
        #expect(output.stdout.contains("FAILED \(conversation) turn 2"))
        let sent = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(sent.count == 1)
    }

    @Test(
        "malformed turns are reported with what to write instead",
        arguments: [
            (#"{"say": "help", "slots": {"destination": "work"}}"#, "a say turn's slot values come from what the user says"),
            (#"{"say": "help", "dialogState": "DONE"}"#, "dialogState must be STARTED, IN_PROGRESS or COMPLETED, not 'DONE'"),
            (#"{"launch": {}, "confirmationStatus": "CONFIRMED"}"#, "dialogState and confirmationStatus belong to intent and say turns"),
            (#"{"intent": "X", "fallback": true}"#, "\"fallback\" is true or false, on a say turn"),
            (#"{"launch": {}, "person": {"id": "x"}}"#, "person must be \"none\" or {\"personId\""),
            (#"{"launch": {}, "permissions": {"scopes": {"s": "YES"}}}"#, "permissions.scopes.s must be GRANTED or DENIED"),
            (#"{"sessionEnded": "BORED"}"#, "sessionEnded must be USER_INITIATED, ERROR or EXCEEDED_MAX_REPROMPTS"),
        ])
    func malformedTurns(turn: String, message: String) async throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(#"{"conversation": {}, "turns": [\#(turn)]}"#, to: "talk.json")
        let output = try await Command.skillgate(["replay", path, "--exec", "cat"])
        #expect(output.status == 2, "\(output)")
        #expect(output.stderr.contains(message), "\(output)")
    }
}

import Foundation
import SkillGateModel
import Testing
import SkillGateTestSupport

/// `skillgate request utter`: utterances resolved against an interaction model, through the binary.
struct UtteranceTests {
    static var sample: String { Command.checkout + "/Samples/RideHailer" }
    static var model: String { sample + "/skill-package/interactionModels/custom/en-US.json" }
    static let skillID = "amzn1.ask.skill.ride-hailer"

    /// Runs `request utter` in the sample's folder (where the model is found by default).
    static func utter(_ utterance: String, _ more: [String] = [], directory: String? = nil) async throws -> Command.Output {
        try await Command.skillgate(["request", "utter", utterance, "--skill-id", skillID] + more, directory: directory ?? sample)
    }

    static func request(_ output: Command.Output) throws -> JSONValue {
        try #require(try JSONParser.parse(Array(output.stdout.utf8))["request"])
    }

    @Test("a synonym of a custom slot value resolves with the canonical name and id, as Alexa sends it")
    func synonym() async throws {
        let output = try await Self.utter("Get me a ride to the office!")
        #expect(output.status == 0, "\(output)")
        #expect(output.stderr.contains("is OrderRideIntent via \"get me a ride to {destination}\""), "\(output)")
        let request = try Self.request(output)
        #expect(request["type"] == "IntentRequest")
        #expect(request["intent"]?["name"] == "OrderRideIntent")
        let slot = try #require(request["intent"]?["slots"]?["destination"])
        #expect(slot["value"] == "the office", "the value is what the user said")
        #expect(slot["confirmationStatus"] == "NONE")
        let authority = try #require(slot["resolutions"]?["resolutionsPerAuthority"]?[0])
        #expect(authority["authority"] == "amzn1.er-authority.echo-sdk.amzn1.ask.skill.ride-hailer.DestinationType")
        #expect(authority["status"]?["code"] == "ER_SUCCESS_MATCH")
        #expect(authority["values"] == [["value": ["name": "work", "id": "work"]]])
        #expect(throws: Never.self) { try RequestEnvelope(jsonBytes: Array(output.stdout.utf8)) }
    }

    @Test("a value that is not in the slot type is kept, with ER_SUCCESS_NO_MATCH and no values")
    func noMatchResolution() async throws {
        let output = try await Self.utter("take me to the airport")
        #expect(output.status == 0, "\(output)")
        let slot = try #require(try Self.request(output)["intent"]?["slots"]?["destination"])
        #expect(slot["value"] == "the airport")
        let authority = slot["resolutions"]?["resolutionsPerAuthority"]?[0]
        #expect(authority?["status"]?["code"] == "ER_SUCCESS_NO_MATCH")
        #expect(authority?["values"] == nil)
    }

    @Test(
        "built-in phrases, launching, leaving, one-shot invocations and built-in slot types",
        arguments: [
            ("help", "AMAZON.HelpIntent", nil, nil),
            ("no thank you", "AMAZON.NoIntent", nil, nil),
            ("cancel", "AMAZON.CancelIntent", nil, nil),
            ("cancel my ride", "CancelRideIntent", nil, nil),
            ("order a ride", "OrderRideIntent", "destination", nil),
            ("Alexa, ask Ride Hailer to book a ride to my place", "OrderRideIntent", "destination", "my place"),
            ("what services are available in San Francisco?", "RideHailerAvailabilityByCity", "city", "San Francisco"),
        ] as [(String, String, String?, String?)])
    func intents(utterance: String, intent: String, slot: String?, value: String?) async throws {
        let output = try await Self.utter(utterance)
        #expect(output.status == 0, "\(output)")
        let request = try Self.request(output)
        #expect(request["intent"]?["name"]?.stringValue == intent, "\(output)")
        if let slot {
            let filled = request["intent"]?["slots"]?[slot]
            #expect(filled?["name"]?.stringValue == slot, "every declared slot is sent, filled or not")
            #expect(filled?["value"]?.stringValue == value)
        }
    }

    @Test("'open <invocation name>' is a launch and 'exit' a session end")
    func launchAndExit() async throws {
        #expect(try Self.request(try await Self.utter("open ride hailer"))["type"] == "LaunchRequest")
        let exit = try Self.request(try await Self.utter("exit"))
        #expect(exit["type"] == "SessionEndedRequest")
        #expect(exit["reason"] == "USER_INITIATED")
    }

    @Test("no match is an error naming the closest samples, never a silent fallback")
    func noMatch() async throws {
        let output = try await Self.utter("order me a pizza")
        #expect(output.status == 2, "\(output)")
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains("no sample utterance in"), "\(output)")
        #expect(
            output.stderr.contains("matches \"order me a pizza\"; the closest are \"order me a car to {destination}\" (OrderRideIntent)"))
        let fallback = try await Self.utter("order me a pizza", ["--fallback"])
        #expect(fallback.status == 0, "\(fallback)")
        #expect(try Self.request(fallback)["intent"]?["name"] == "AMAZON.FallbackIntent")
        let understood = try await Self.utter("order a ride", ["--fallback"])
        #expect(understood.status == 2)
        #expect(understood.stderr.contains("matches OrderRideIntent (\"order a ride\"), so Alexa would not send AMAZON.FallbackIntent"))
    }

    @Test("ties: the most literal words win, then the fewest slots, then declaration order; slots prefer their type's values")
    func tieRules() async throws {
        let folder = try TemporaryFolder()
        let model: JSONValue = [
            "interactionModel": [
                "languageModel": [
                    "invocationName": "cafe",
                    "intents": [
                        [
                            "name": "PlayTwoIntent",
                            "slots": [["name": "a", "type": "AMAZON.SearchQuery"], ["name": "b", "type": "AMAZON.SearchQuery"]],
                            "samples": ["play {a} {b}"],
                        ],
                        ["name": "PlayOneIntent", "slots": [["name": "a", "type": "AMAZON.SearchQuery"]], "samples": ["play {a}"]],
                        ["name": "PlayAgainIntent", "slots": [["name": "a", "type": "AMAZON.SearchQuery"]], "samples": ["play {a}"]],
                        ["name": "PlayJazzIntent", "samples": ["play some jazz"]],
                        [
                            "name": "OrderIntent",
                            "slots": [["name": "drink", "type": "DrinkType"], ["name": "size", "type": "SizeType"]],
                            "samples": ["order {drink} {size}"],
                        ],
                        ["name": "CountIntent", "slots": [["name": "count", "type": "AMAZON.NUMBER"]], "samples": ["{count} coffees"]],
                    ],
                    "types": [
                        ["name": "DrinkType", "values": [["id": "TEA", "name": ["value": "iced tea"]]]],
                        [
                            "name": "SizeType",
                            "values": [["name": ["value": "large", "synonyms": ["big"]]], ["name": ["value": "extra large"]]],
                        ],
                    ],
                ]
            ]
        ]
        let path = try folder.write(model.jsonString, to: "model.json")
        func resolve(_ text: String) async throws -> JSONValue {
            let output = try await Command.skillgate(["request", "utter", text, "--model", path])
            try #require(output.status == 0, "\(output)")
            return try Self.request(output)
        }
        #expect(try await resolve("play some jazz")["intent"]?["name"] == "PlayJazzIntent", "three literal words beat one")
        #expect(try await resolve("play some blues")["intent"]?["name"] == "PlayOneIntent", "one slot beats two; the first of equals")
        let order = try await resolve("order iced tea extra large")["intent"]?["slots"]
        #expect(order?["drink"]?["value"] == "iced tea", "the split where both slots hold their type's values")
        #expect(order?["size"]?["value"] == "extra large")
        #expect(order?["drink"]?["resolutions"]?["resolutionsPerAuthority"]?[0]?["values"]?[0]?["value"]?["id"] == "TEA")
        #expect(try await resolve("twenty one coffees")["intent"]?["slots"]?["count"]?["value"] == "21", "AMAZON.NUMBER is digits")
    }

    @Test("the model is --model, or skill-package/ here or above; a missing one says where it looked")
    func modelLocation() async throws {
        let folder = try TemporaryFolder()
        let missing = try await Command.skillgate(["request", "utter", "help"], directory: folder.path)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no interaction model was found: looked for skill-package/interactionModels/custom/en-US.json"))
        let nested = try await Self.utter("help", directory: Self.sample + "/Replay/conversations")
        #expect(nested.status == 0, "found above the current folder: \(nested)")
        let explicit = try await Command.skillgate(["request", "utter", "help", "--model", Self.model], directory: folder.path)
        #expect(explicit.status == 0, "\(explicit)")
        let otherLocale = try await Command.skillgate(["request", "utter", "help", "--locale", "de-DE"], directory: Self.sample)
        #expect(otherLocale.stderr.contains("custom/de-DE.json"), "the locale picks the model: \(otherLocale)")
    }

    @Test("dialog state, confirmations, person, permissions and interfaces land where Alexa puts them")
    func requestContext() async throws {
        let output = try await Self.utter(
            "get me a ride to work",
            [
                "--token", "demo-token-alice", "--dialog-state", "IN_PROGRESS", "--confirmation-status", "CONFIRMED",
                "--slot-confirmation", "destination=DENIED", "--person", "amzn1.ask.person.P1", "--person-token", "person-token-1",
                "--consent-token", "consent-1", "--scope", "alexa::devices:all:geolocation:read=GRANTED", "--interface", "AudioPlayer",
                "--interfaces", #"{"Alexa.Presentation.APL":{"runtime":{"maxVersion":"2024.1"}}}"#,
            ])
        #expect(output.status == 0, "\(output)")
        let json = try JSONParser.parse(Array(output.stdout.utf8))
        #expect(json["request"]?["dialogState"] == "IN_PROGRESS")
        #expect(json["request"]?["intent"]?["confirmationStatus"] == "CONFIRMED")
        #expect(json["request"]?["intent"]?["slots"]?["destination"]?["confirmationStatus"] == "DENIED")
        let system = json["context"]?["System"]
        #expect(system?["person"] == ["personId": "amzn1.ask.person.P1", "accessToken": "person-token-1"])
        #expect(system?["user"]?["permissions"]?["consentToken"] == "consent-1")
        #expect(system?["user"]?["permissions"]?["scopes"]?["alexa::devices:all:geolocation:read"]?["status"] == "GRANTED")
        #expect(json["session"]?["user"]?["permissions"]?["consentToken"] == "consent-1")
        #expect(system?["device"]?["supportedInterfaces"]?["AudioPlayer"] == [:])
        #expect(system?["device"]?["supportedInterfaces"]?["Alexa.Presentation.APL"]?["runtime"]?["maxVersion"] == "2024.1")
        let envelope = try RequestEnvelope(jsonBytes: Array(output.stdout.utf8))
        #expect(envelope.person?.personId == "amzn1.ask.person.P1")
    }

    @Test(
        "enum values on the command line are checked and the allowed ones named",
        arguments: [
            (["request", "launch", "--dialog-state", "FOO"], "--dialog-state must be STARTED, IN_PROGRESS or COMPLETED, not 'FOO'"),
            (
                ["request", "session-ended", "--reason", "BORED"],
                "--reason must be USER_INITIATED, ERROR or EXCEEDED_MAX_REPROMPTS, not 'BORED'"
            ),
            (["request", "intent", "X", "--confirmation-status", "YES"], "--confirmation-status must be NONE, CONFIRMED or DENIED"),
            (["request", "intent", "X", "--slot-confirmation", "a=MAYBE"], "--slot-confirmation a must be NONE, CONFIRMED or DENIED"),
            (["request", "launch", "--scope", "s=MAYBE"], "--scope s must be GRANTED or DENIED"),
            (["request", "utter", "help", "--slot", "a=b"], "--slot does not go with utter"),
            (["request", "utter"], "utter needs what the user says"),
            (["request", "utter", "order", "a", "ride"], "put the whole utterance in quotes"),
            (
                ["replay", "x.json", "--exec", "true", "--exec-mode", "sometimes"],
                "--exec-mode must be auto, once or lines, not 'sometimes'"
            ),
        ])
    func enumValues(arguments: [String], message: String) async throws {
        let output = try await Command.skillgate(arguments)
        #expect(output.status == 2, "\(output)")
        #expect(output.stderr.contains(message), "\(output)")
        #expect(output.stderr.hasSuffix(" (see 'skillgate \(arguments[0]) --help')\n"), "one line pointing at the help: \(output)")
        #expect(output.stderr.split(separator: "\n").count == 1, "not the whole usage: \(output)")
    }
}

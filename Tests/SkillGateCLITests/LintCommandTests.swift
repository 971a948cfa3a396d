import Foundation
import SkillGateModel
import Testing
import SkillGateTestSupport

/// `skillgate lint` against the built sample.
struct LintCommandTests {
    static var model: String { Command.checkout + "/Samples/RideHailer/skill-package/interactionModels/custom/en-US.json" }

    @Test("the Ride Hailer model and routes agree")
    func sampleIsClean() async throws {
        let output = try await Command.skillgate(["lint", "--model", Self.model, "--exec", Command.path("ride-hailer")])
        #expect(output.status == 0, "\(output)")
        #expect(output.stdout.contains("lint: no problems"))
    }

    @Test("missing, extra and unrouted intents are each listed, and lint exits 1")
    func problems() async throws {
        var json = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: Self.model))))
        guard case .object(var root) = json, case .object(var interaction)? = root["interactionModel"],
            case .object(var language)? = interaction["languageModel"], var intents = language["intents"]?.arrayValue
        else {
            Issue.record("unexpected model shape")
            return
        }
        intents.removeAll { ["AMAZON.NavigateHomeIntent", "RideStatusIntent", "AMAZON.YesIntent"].contains($0["name"]?.stringValue) }
        intents.append(["name": "TipDriverIntent", "samples": ["tip my driver"]])
        intents.append(["name": "RateRideIntent", "samples": [], "slots": [["name": "stars", "type": "StarType"]]])
        language["intents"] = .array(intents)
        interaction["languageModel"] = .object(language)
        root["interactionModel"] = .object(interaction)
        json = .object(root)
        let folder = try TemporaryFolder()
        let path = try folder.write(json.jsonString, to: "en-US.json")

        let output = try await Command.skillgate(["lint", "--model", path, "--exec", Command.path("ride-hailer")])
        #expect(output.status == 1, "\(output)")
        for expected in [
            "the model lacks AMAZON.NavigateHomeIntent, which every custom skill must include",
            "the route for AMAZON.NavigateHomeIntent has no intent in the model",
            "the route for RideStatusIntent has no intent in the model",
            "the route for AMAZON.YesIntent has no intent in the model",
            "TipDriverIntent is in the model but has no route",
            "RateRideIntent has no sample utterances",
            "slot stars of RateRideIntent uses the type StarType, which the model does not define",
            "lint: 8 problems",
        ] {
            #expect(output.stdout.contains(expected), "missing \"\(expected)\" in \(output)")
        }
    }

    @Test("samples that break a model build: an undeclared {slot}, the same sample twice in one intent and across intents")
    func samples() async throws {
        let model = Command.rideHailerModel(
            intents: [
                [
                    "name": "OrderRideIntent",
                    "slots": [["name": "destination", "type": "DestinationType", "samples": ["to {place}"]]],
                    "samples": ["take me to {destination}", "Take me to {place}!", "where is my ride"],
                ],
                ["name": "RideStatusIntent", "samples": ["where is my ride?", "where is my ride"]],
                ["name": "CancelRideIntent", "samples": []],
            ],
            types: [["name": "DestinationType", "values": [["name": ["value": "work"]]]]])
        let folder = try TemporaryFolder()
        let path = try folder.write(model.jsonString, to: "en-US.json")
        let output = try await Command.skillgate(["lint", "--model", path, "--exec", Command.path("ride-hailer")])
        #expect(output.status == 1, "\(output)")
        for expected in [
            "the sample \"Take me to {place}!\" of OrderRideIntent uses {place}, which OrderRideIntent does not declare",
            "the sample \"to {place}\" of slot destination of OrderRideIntent uses {place}",
            "OrderRideIntent lists the sample \"Take me to {place}!\" twice (as \"take me to {destination}\")",
            "the sample \"where is my ride?\" of RideStatusIntent is also a sample of OrderRideIntent (\"where is my ride\")",
            "RideStatusIntent lists the sample \"where is my ride\" twice",
            "CancelRideIntent has no sample utterances",
        ] {
            #expect(output.stdout.contains(expected), "missing \"\(expected)\" in \(output)")
        }
    }

    @Test(
        "usage and I/O errors exit 2",
        arguments: [
            (["--exec", "x"], "--model PATH is required"),
            (["--model", "/nonexistent.json", "--exec", "x"], "does not exist"),
            (["--model", "TEMPLATE", "--exec", "RIDE"], "is not an interaction model"),
            (["--model", "MODEL", "--exec", "false"], "`false routes --json` exited with status 1"),
            (["--model", "MODEL", "--exec", "echo"], "did not print a route table"),
        ])
    func errors(arguments: [String], message: String) async throws {
        let substituted = arguments.map {
            switch $0 {
            case "TEMPLATE": Command.checkout + "/Templates/requests/LaunchRequest.json"
            case "MODEL": Self.model
            case "RIDE": Command.path("ride-hailer")
            default: $0
            }
        }
        let output = try await Command.skillgate(["lint"] + substituted)
        #expect(output.status == 2, "\(output)")
        #expect(output.stderr.contains(message), "\(output)")
    }
}

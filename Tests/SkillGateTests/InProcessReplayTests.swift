import Foundation
import SkillGate
import SkillGateTesting
import Testing

/// `SkillTester.replay`: replay files run in-process, as `swift test` does for a `skillgate new` package.
struct InProcessReplayTests {
    /// A small skill whose answer depends on entity resolution.
    struct CoffeeSkill: Skill {
        var configuration: SkillConfiguration { SkillConfiguration(name: "Coffee", applicationID: "amzn1.ask.skill.coffee") }
        var routes: [Route] {
            Launch { _ in .ask("Welcome to Coffee. What would you like?") }
            Intent("OrderIntent", linking: .public) { request, _ in
                let drink = request.slots["drink"]
                return .tell("One \(drink?.resolvedName ?? drink?.value ?? "coffee") (\(drink?.resolvedID ?? "no id")).")
            }
            Intent("AMAZON.StopIntent", linking: .public) { _, _ in .tell("Bye.") }
        }
    }

    static let model = """
        {"interactionModel": {"languageModel": {"invocationName": "coffee", "intents": [
          {"name": "OrderIntent", "slots": [{"name": "drink", "type": "DrinkType"}], "samples": ["a {drink} please", "order a {drink}"]},
          {"name": "AMAZON.StopIntent", "samples": []}],
          "types": [{"name": "DrinkType", "values": [{"id": "FLAT_WHITE", "name": {"value": "flat white", "synonyms": ["white coffee"]}}]}]}}}
        """

    /// A package layout: the model under skill-package/, a conversation under Replay/.
    static func package(turns: String) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("skillgate-inprocess-\(UUID().uuidString)").path
        let modelFolder = root + "/skill-package/interactionModels/custom"
        try FileManager.default.createDirectory(atPath: modelFolder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/Replay", withIntermediateDirectories: true)
        try Data(model.utf8).write(to: URL(fileURLWithPath: modelFolder + "/en-US.json"))
        let conversation = #"{"conversation": {"skillId": "amzn1.ask.skill.coffee"}, "turns": \#(turns)}"#
        try Data(conversation.utf8).write(to: URL(fileURLWithPath: root + "/Replay/talk.json"))
        return root
    }

    @Test("said turns resolve against the package's model and the expectations are checked, with no process or socket")
    func passes() async throws {
        let root = try Self.package(
            turns:
                #"[{"say": "open coffee", "expect": {"shouldEndSession": false}}, {"say": "a white coffee please", "expect": {"speech": "One flat white (FLAT_WHITE)."}}]"#
        )
        defer { try? FileManager.default.removeItem(atPath: root) }
        let report = try await SkillTester(CoffeeSkill()).replay(root + "/Replay")
        #expect(report.failed == 0 && report.passed == 2, "\(report)")
        #expect(report.transcript.contains("replay: 1 file, 2 requests: 2 passed, 0 failed"))
    }

    @Test("a failing expectation is counted and shown in the transcript")
    func fails() async throws {
        let root = try Self.package(turns: #"[{"say": "order a flat white", "expect": {"speechContains": "latte"}}, {"say": "stop"}]"#)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let report = try await SkillTester(CoffeeSkill()).replay(root + "/Replay")
        #expect(report.failed == 1 && report.unchecked == 1, "\(report)")
        #expect(report.failures == [root + "/Replay/talk.json turn 1"])
        #expect(report.transcript.contains("expected: contains \"latte\""), "\(report)")
    }

    @Test("a missing folder or an unusable file throws, naming it")
    func unusable() async throws {
        let tester = try SkillTester(CoffeeSkill())
        await #expect(throws: ReplayFailure.self) { try await tester.replay("/nonexistent/Replay") }
        let root = try Self.package(turns: #"[{"say": "hello", "expect": {"speechContain": "x"}}]"#)
        defer { try? FileManager.default.removeItem(atPath: root) }
        do {
            _ = try await tester.replay(root + "/Replay")
            Issue.record("an unknown expectation must throw")
        } catch {
            #expect(error.description.contains("unknown expectation \"speechContain\""), "\(error)")
        }
    }
}

import Foundation
import SkillGateModel
import Testing
import SkillGateTestSupport

/// `replay --update` on a copy of the sample's Replay folder: loose expectations survive, only
/// what fails is rewritten, and files that pass are not touched.
struct ReplayUpdateTests {
    /// Every file under a folder, by path relative to it, with its bytes.
    static func snapshot(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let next = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + next, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[next] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + next))
            }
        }
        return files
    }

    @Test("one failing turn: --dry-run shows the diff and writes nothing; --update rewrites that one check and nothing else")
    func oneFailingTurn() async throws {
        let folder = try TemporaryFolder()
        let sample = try folder.copy(Command.checkout + "/Samples/RideHailer", as: "RideHailer")
        let replay = sample + "/Replay"
        let target = replay + "/conversations/order-confirm.json"
        let original = try String(contentsOfFile: target, encoding: .utf8)
        // The skill "changed": this loose check no longer holds (it expects an older welcome).
        let failing = original.replacingOccurrences(
            of: "\"speechContains\": \"Welcome to Ride Hailer\"", with: "\"speechContains\": \"Welcome to Ride Hail!\"")
        #expect(failing != original)
        try failing.write(toFile: target, atomically: true, encoding: .utf8)
        let before = try Self.snapshot(sample)

        let dryRun = try await Command.skillgate(["replay", replay, "--exec", Command.rideHailerExec, "--update", "--dry-run", "--quiet"])
        #expect(dryRun.status == 1, "\(dryRun)")
        #expect(dryRun.stdout.contains("--- \(target)\n+++ \(target) (would update 1 expectation)"), "\(dryRun)")
        #expect(dryRun.stdout.contains("-        \"speechContains\": \"Welcome to Ride Hail!\","), "\(dryRun)")
        #expect(
            dryRun.stdout.contains("+        \"speechContains\": \"Welcome to Ride Hailer.\","),
            "the same style: one sentence, not the whole speech")
        #expect(dryRun.stdout.contains("would update 1 expectation in 1 file (--dry-run: nothing written)"))
        #expect(try Self.snapshot(sample) == before, "--dry-run writes nothing")

        let update = try await Command.skillgate(["replay", replay, "--exec", Command.rideHailerExec, "--update", "--quiet"])
        #expect(update.status == 0, "\(update)")
        #expect(update.stdout.contains("updated 1 expectation in 1 file"), "\(update)")
        #expect(update.stdout.contains("updated: speechContains"))
        let after = try Self.snapshot(sample)
        #expect(Set(after.keys) == Set(before.keys), "no file added or removed")
        for (name, bytes) in before where name != "Replay/conversations/order-confirm.json" {
            #expect(after[name] == bytes, "\(name) must stay byte for byte")
        }
        let rewritten = try String(contentsOfFile: target, encoding: .utf8)
        #expect(
            rewritten == failing.replacingOccurrences(of: "Welcome to Ride Hail!", with: "Welcome to Ride Hailer."),
            "only that line changed")
        #expect(rewritten.contains("\"speechMatches\": \"^Ordering a ride using your Ride Hailer account"), "the passing regex stays")
        #expect(rewritten.contains("\"repromptContains\": \"Say yes or no\""))

        let again = try await Command.skillgate(["replay", replay, "--exec", Command.rideHailerExec, "--update", "--quiet"])
        #expect(again.status == 0)
        #expect(!again.stdout.contains("updated"), "nothing left to update: \(again)")
        #expect(try Self.snapshot(sample) == after)
    }

    @Test("failing checks are rewritten in their own style: lists stay lists, patterns stay patterns, attributes by path")
    func styles() async throws {
        let folder = try TemporaryFolder()
        let launch = try JSONParser.parse(
            Array(try Data(contentsOf: URL(fileURLWithPath: Command.rideHailerReplay + "/requests/launch.json"))))
        let envelope = launch["envelope"] ?? launch
        let expect: JSONValue = [
            "speechContains": ["Welcome", "Goodbye"], "speechMatches": ["^Welcome", "Farewell"], "repromptContains": "What would you like",
            "card": "Simple", "response": ["version": "1.0", "response": ["shouldEndSession": true]],
        ]
        let path = try folder.write(JSONValue.object(["envelope": envelope, "expect": expect]).jsonString, to: "launch.json")
        let update = try await Command.skillgate(["replay", path, "--exec", Command.rideHailerExec, "--update", "--refresh-timestamps"])
        #expect(update.status == 0, "\(update)")
        #expect(update.stdout.contains("updated: speechContains, speechMatches, card, response"), "\(update)")
        let written = try JSONParser.parse(Array(try folder.read("launch.json").utf8))["expect"]
        #expect(written?["speechContains"]?[0] == "Welcome", "a passing entry stays")
        #expect(written?["speechContains"]?.arrayValue?.count == 2)
        #expect(written?["speechMatches"]?[0] == "^Welcome")
        #expect(
            written?["speechMatches"]?[1]?.stringValue?.hasPrefix("Welcome to Ride Hailer\\.") == true, "\(String(describing: written))")
        #expect(written?["repromptContains"] == "What would you like", "a passing check stays as written")
        #expect(written?["card"] == "none")
        #expect(written?["response"] == ["version": "1.0", "response": ["shouldEndSession": false]], "only the differing member")
        let after = try await Command.skillgate(["replay", path, "--exec", Command.rideHailerExec])
        #expect(after.status == 0, "\(after)")
    }
}

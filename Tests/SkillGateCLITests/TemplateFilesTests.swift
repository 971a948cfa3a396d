import Foundation
import SkillGateModel
import Testing
import SkillGateTestSupport

/// Every JSON file under Templates/ and Samples/ parses, and every request in them decodes, so
/// they cannot rot.
struct TemplateFilesTests {
    static func jsonFiles(under folder: String) -> [String] {
        let root = Command.checkout + "/" + folder
        let enumerator = FileManager.default.enumerator(atPath: root)
        var files: [String] = []
        while let next = enumerator?.nextObject() as? String {
            if next.hasSuffix(".json") && !next.contains(".build/") { files.append(root + "/" + next) }
        }
        return files.sorted()
    }

    @Test("every JSON file in Templates/ and Samples/ parses")
    func everyFileParses() async throws {
        let files = Self.jsonFiles(under: "Templates") + Self.jsonFiles(under: "Samples")
        #expect(files.count > 20)
        for file in files {
            #expect(throws: Never.self, "\(file)") { try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: file)))) }
        }
    }

    @Test("every recorded request in the sample's Replay folder decodes as a request envelope")
    func recordedRequestsDecode() async throws {
        var envelopes = 0
        for file in Self.jsonFiles(under: "Samples/RideHailer/Replay") where !file.hasSuffix(".expected.json") {
            let json = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: file))))
            let envelope: JSONValue
            if let wrapped = json["envelope"] {
                envelope = wrapped
            } else if json["request"] != nil {
                envelope = json
            } else {
                continue
            }
            #expect(throws: Never.self, "\(file)") { try RequestEnvelope(json: envelope) }
            envelopes += 1
        }
        #expect(envelopes >= 10)
    }

    @Test(
        "each request template renders through `skillgate request` into a decodable envelope",
        arguments: [
            "launch", "intent", "session-ended", "can-fulfill", "account-linked",
        ])
    func templatesRender(kind: String) async throws {
        var arguments = ["request", kind]
        if kind == "intent" || kind == "can-fulfill" { arguments += ["SomeIntent", "--slot", "a=b"] }
        arguments += ["--token", "t"]
        let output = try await Command.skillgate(arguments)
        #expect(output.status == 0, "\(output)")
        #expect(throws: Never.self) { try RequestEnvelope(jsonBytes: Array(output.stdout.utf8)) }
    }
}

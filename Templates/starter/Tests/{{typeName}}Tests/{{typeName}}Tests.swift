import Foundation
import SkillGateTesting
import Testing

@testable import {{typeName}}

/// {{skillName}}'s tests, run by `swift test`: single requests through SkillGate's in-process
/// tester (no server, no network), and every conversation in Replay/.
struct {{typeName}}Tests {
    static let skillID = "{{skillId}}"

    /// The package folder (this file is Tests/{{typeName}}Tests/{{typeName}}Tests.swift).
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test("hello names the person")
    func hello() async throws {
        let tester = try SkillTester({{typeName}}())
        let response = await tester.send(.intent("HelloIntent", slots: ["name": "Sam"], skillID: Self.skillID))
        #expect(response.speech == "Hello, Sam!")
        #expect(response.shouldEndSession == true)
    }

    @Test("the account intent asks an unlinked user to link, and answers a linked one")
    func account() async throws {
        let tester = try SkillTester({{typeName}}())
        let unlinked = await tester.send(.intent("MyAccountIntent", skillID: Self.skillID))
        #expect(unlinked.cardType == "LinkAccount")
        let linked = await tester.send(.intent("MyAccountIntent", token: "any-token-you-like", skillID: Self.skillID))
        #expect(linked.speech == "Your {{skillName}} account is linked.")
    }

    @Test("every conversation in Replay/ passes")
    func replay() async throws {
        let report = try await SkillTester({{typeName}}()).replay(Self.package + "/Replay")
        #expect(report.failed == 0 && report.requests > 0, "\(report)")
    }
}

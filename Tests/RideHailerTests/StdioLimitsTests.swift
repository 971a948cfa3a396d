import Foundation
import SkillGateModel
import SkillGateTesting
import SkillGateTestSupport
import Testing

/// `stdio --lines` applies its 1 MiB limit to every line, whole or in pieces.
struct StdioLimitsTests {
    @Test("a complete line over 1 MiB gets the limit error, and the next line is still answered")
    func completeLongLine() async throws {
        let padding = String(repeating: "x", count: 1_100_000)
        let long =
            #"{"version":"1.0","request":{"type":"LaunchRequest","requestId":"r","timestamp":"2026-11-21T20:00:00Z","pad":"\#(padding)"}}"#
        let next = TestRequest.launch(skillID: "amzn1.ask.skill.ride-hailer")
        let input = Array((long + "\n").utf8) + next.bytes + [UInt8(ascii: "\n")]
        let output = try await ChildProcess.run(Products.path("ride-hailer"), ["stdio", "--lines"], input: input)
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n")
        try #require(lines.count == 2, "\(output.stdout.prefix(400))")
        let first = try JSONParser.parse(String(lines[0]))
        #expect(first["error"]?["message"] == "line longer than 1048576 bytes")
        let second = try JSONParser.parse(String(lines[1]))
        #expect(second["response"]?["outputSpeech"] != nil)
    }
}

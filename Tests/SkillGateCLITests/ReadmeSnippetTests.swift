import Foundation
import Testing

/// The README's code must compile as printed: its "A skill in one file" block is the source of
/// the `OneFileSkill` target (Samples/OneFile), which every build compiles.
struct ReadmeSnippetTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("README's 'A skill in one file' is Samples/OneFile/RideHailer.swift, byte for byte")
    func oneFileSkillMatches() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOf: Self.root.appendingPathComponent("Samples/OneFile/RideHailer.swift"), encoding: .utf8)
        let section = try #require(readme.range(of: "## A skill in one file"))
        let rest = readme[section.upperBound...]
        let open = try #require(rest.range(of: "```swift\n"))
        let close = try #require(rest[open.upperBound...].range(of: "```"))
        #expect(String(rest[open.upperBound..<close.lowerBound]) == source)
    }
}

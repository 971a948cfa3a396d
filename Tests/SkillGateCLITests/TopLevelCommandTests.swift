import Foundation
import SkillGateTestSupport
import Testing

/// `skillgate` itself: its version, and one line naming the problem for a misspelled command.
struct TopLevelCommandTests {
    @Test("--version prints the version and exits 0")
    func version() async throws {
        let output = try await Command.skillgate(["--version"])
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("skillgate "))
    }

    @Test("a misspelled command gets one line with a suggestion and a pointer to --help, exit 2")
    func didYouMean() async throws {
        let output = try await Command.skillgate(["replya"])
        #expect(output.status == 2)
        #expect(output.stderr == "skillgate: unknown command 'replya'; did you mean 'replay'? (see 'skillgate --help')\n")
        let unknown = try await Command.skillgate(["frobnicate"])
        #expect(unknown.stderr == "skillgate: unknown command 'frobnicate' (see 'skillgate --help')\n")
    }
}

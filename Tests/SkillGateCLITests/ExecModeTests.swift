import Foundation
import Testing
import SkillGateTestSupport

/// `replay --exec` with one-shot commands (one process per request) and long-lived ones.
struct ExecModeTests {
    static var conversation: String { Command.rideHailerReplay + "/conversations/order-confirm.json" }
    static var wrongSkill: String { Command.rideHailerReplay + "/requests/wrong-skill-id.json" }

    @Test("a one-shot `stdio` command runs once per request: sessions thread, and a rejection is read from its message")
    func oneShot() async throws {
        let output = try await Command.skillgate([
            "replay", Self.conversation, Self.wrongSkill, "--exec", "\(Command.path("ride-hailer")) stdio",
        ])
        #expect(output.status == 0, "\(output)")
        #expect(output.stdout.contains("4 passed, 0 failed"), "\(output)")
        #expect(output.stdout.contains("rejected: applicationIdMismatch"), "exit 65 and its message become the rejection: \(output)")
        let explicit = try await Command.skillgate([
            "replay", Self.conversation, "--exec", "\(Command.path("ride-hailer")) stdio --lines", "--exec-mode", "once",
        ])
        #expect(explicit.status == 0, "a lines command also answers once per run: \(explicit)")
    }

    @Test("an undecided command is probed: one that answers only at the end of its input runs once per request")
    func probe() async throws {
        let folder = try TemporaryFolder()
        let script = try folder.write("exec \"$1\" stdio\n", to: "one-shot.sh")
        let output = try await Command.skillgate([
            "replay", Self.conversation, "--exec", "sh \(script) \(Command.path("ride-hailer"))",
        ])
        #expect(output.status == 0, "\(output)")
        #expect(output.stderr.contains("answers only once its input ends, so it runs once per request"), "\(output)")
        #expect(output.stdout.contains("3 passed, 0 failed"))
    }

    @Test("--exec-mode lines with a one-shot command fails after the timeout with a hint, instead of hanging")
    func linesModeHint() async throws {
        let output = try await Command.skillgate([
            "replay", Self.conversation, "--exec", "\(Command.path("ride-hailer")) stdio", "--exec-mode", "lines", "--timeout", "1",
        ])
        #expect(output.status == 2, "\(output)")
        #expect(output.stderr.contains("pass --exec-mode once"), "\(output)")
    }
}

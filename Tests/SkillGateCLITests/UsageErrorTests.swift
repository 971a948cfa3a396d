import Foundation
import SkillGateTestSupport
import Testing

/// A usage error, in every command: exactly one line on stderr naming the problem (with "did you
/// mean" for a misspelled option) and pointing at the command's `--help`, never the whole usage
/// text; the exit code is the tool's usage code (2 for skillgate, 64 for a skill binary and
/// skillgate-bench).
struct UsageErrorTests {
    @Test(
        "a misspelled option in each skillgate command gets one line with the suggestion and the help pointer, exit 2",
        arguments: [
            (["lint", "--modle", "m.json"], "lint", "unknown option '--modle'; did you mean '--model'?"),
            (["replay", "x.json", "--exec", "true", "--quite"], "replay", "unknown option '--quite'; did you mean '--quiet'?"),
            (["request", "launch", "--skil-id", "x"], "request", "unknown option '--skil-id'; did you mean '--skill-id'?"),
            (["new", "x", "--pth", "/tmp"], "new", "unknown option '--pth'; did you mean '--path'?"),
            (["dev-cert", "d", "--dayz", "3"], "dev-cert", "unknown option '--dayz'; did you mean '--days'?"),
            (["doctor", "--tokn-url", "https://x"], "doctor", "unknown option '--tokn-url'; did you mean '--token-url'?"),
            (["package-lambda", "--prodcut", "x"], "package-lambda", "unknown option '--prodcut'; did you mean '--product'?"),
            (["replay", "x.json", "--exec", "true", "--frobnicate"], "replay", "unknown option '--frobnicate'"),
            (["request", "intent"], "request", "intent needs an intent name, e.g. intent OrderRideIntent"),
            (["lint", "--exec", "true"], "lint", "--model PATH is required"),
            (["replay", "x.json"], "replay", "say where the skill is: --exec \"CMD ARGS\" or --url http://host:port/path"),
        ])
    func skillgateCommands(arguments: [String], command: String, problem: String) async throws {
        let output = try await Command.skillgate(arguments)
        #expect(output.status == 2, "\(output)")
        #expect(output.stderr == "skillgate \(command): \(problem) (see 'skillgate \(command) --help')\n", "\(output)")
        #expect(output.stdout.isEmpty, "\(output)")
    }

    @Test("skillgate itself: a misspelled command or option, one line, exit 2")
    func topLevel() async throws {
        let option = try await Command.skillgate(["--verison"])
        #expect(option.status == 2)
        #expect(option.stderr == "skillgate: unknown option '--verison'; did you mean '--version'? (see 'skillgate --help')\n")
        let command = try await Command.skillgate(["lnit"])
        #expect(command.stderr == "skillgate: unknown command 'lnit'; did you mean 'lint'? (see 'skillgate --help')\n")
    }

    @Test(
        "the skill binary: one line naming the problem, with the suggestion, exit 64",
        arguments: [
            (["serve", "--prot", "8080"], "unknown option '--prot'; did you mean '--port'?"),
            (["srve"], "unknown command 'srve'; did you mean 'serve'?"),
            (["stdio", "--line"], "unknown option '--line'; did you mean '--lines'?"),
            (["serve", "--port", "http"], "--port must be a port number from 0 to 65535, not 'http'"),
            ([], "missing command: use stdio, serve, lambda or routes"),
        ])
    func skillBinary(arguments: [String], problem: String) async throws {
        let output = try await Command.run(Command.path("ride-hailer"), arguments)
        #expect(output.status == 64, "\(output)")
        #expect(output.stderr == "ride-hailer: \(problem) (see 'ride-hailer --help')\n", "\(output)")
    }

    @Test("skillgate-bench: --help, -h and MODE --help print the help and exit 0 without running; a bad mode is one line, exit 64")
    func bench() async throws {
        let help = try await Command.run(Command.path("skillgate-bench"), ["--help"], timeout: 30)
        #expect(help.status == 0, "\(help)")
        #expect(help.stdout.hasPrefix("USAGE: skillgate-bench"), "\(help)")
        for arguments in [["-h"], ["http", "--help"], ["coldstart", "-h"], ["inprocess", "--iterations", "5", "--help"], ["help"]] {
            let output = try await Command.run(Command.path("skillgate-bench"), arguments, timeout: 30)
            #expect(output.status == 0, "\(arguments): \(output)")
            #expect(output.stdout == help.stdout, "\(arguments) printed something else than the help (ran a benchmark?): \(output)")
        }
        let bad = try await Command.run(Command.path("skillgate-bench"), ["htp"])
        #expect(bad.status == 64)
        #expect(bad.stderr == "skillgate-bench: unknown mode 'htp'; did you mean 'http'? (see 'skillgate-bench --help')\n")
    }
}

import Foundation
import SkillGateTestSupport
import Testing

/// What skillgate prints only on a terminal: colors (PASS green, FAIL red, WARN yellow) and the
/// replay progress line. A pseudo-terminal comes from util-linux's `script`; everything else runs
/// with pipes, as in CI, where none of it may appear.
@Suite(.enabled(if: ChildProcess.which("script") != nil, "needs script (util-linux) for a pseudo-terminal"))
struct TerminalOutputTests {
    static let escape = "\u{1B}["
    static let green = "\u{1B}[32m", red = "\u{1B}[31m", yellow = "\u{1B}[33m"

    /// Runs a command line in a pseudo-terminal (stdout and stderr both the terminal) and returns
    /// what the terminal showed. `NO_COLOR` is unset and `TERM` set unless `environment` says otherwise.
    static func onTerminal(_ arguments: [String], environment: [String: String] = [:]) async throws -> ChildProcess.Output {
        var assignments = ["TERM=xterm-256color"]
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) { assignments.append("\(name)=\(quote(value))") }
        let line = "env -u NO_COLOR " + assignments.joined(separator: " ") + " " + arguments.map(quote).joined(separator: " ")
        return try await Command.run(try #require(ChildProcess.which("script")), ["-qec", line, "/dev/null"], timeout: 120)
    }

    static func quote(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    static var model: String { Command.checkout + "/Samples/RideHailer/skill-package/interactionModels/custom/en-US.json" }

    @Test("lint colors 'no problems' green and each problem red on a terminal, and not at all in a pipe")
    func lint() async throws {
        let skillgate = Command.path("skillgate"), skill = Command.path("ride-hailer")
        let clean = try await Self.onTerminal([skillgate, "lint", "--model", Self.model, "--exec", skill])
        #expect(clean.status == 0, "\(clean)")
        #expect(clean.stdout.contains("lint: \(Self.green)no problems"), "\(clean)")

        let folder = try TemporaryFolder()
        let empty = try folder.write(#"{"interactionModel": {"languageModel": {"invocationName": "x", "intents": []}}}"#, to: "empty.json")
        let broken = try await Self.onTerminal([skillgate, "lint", "--model", empty, "--exec", skill])
        #expect(broken.status == 1, "\(broken)")
        #expect(broken.stdout.contains("  \(Self.red)problem:"), "\(broken)")

        let piped = try await Command.skillgate(["lint", "--model", empty, "--exec", skill])
        #expect(piped.status == 1)
        #expect(!piped.stdout.contains(Self.escape) && !piped.stderr.contains(Self.escape), "\(piped)")
    }

    @Test("NO_COLOR (any non-empty value) and --no-color turn the colors off on a terminal; an empty NO_COLOR does not")
    func noColor() async throws {
        let skillgate = Command.path("skillgate"), skill = Command.path("ride-hailer")
        let arguments = [skillgate, "lint", "--model", Self.model, "--exec", skill]
        for environment in [["NO_COLOR": "1"], ["NO_COLOR": "yes please"], ["TERM": "dumb"]] {
            let output = try await Self.onTerminal(arguments, environment: environment)
            #expect(output.status == 0, "\(output)")
            #expect(output.stdout.contains("lint: no problems") && !output.stdout.contains(Self.escape), "\(environment): \(output)")
        }
        let flag = try await Self.onTerminal(arguments + ["--no-color"])
        #expect(flag.stdout.contains("lint: no problems") && !flag.stdout.contains(Self.escape), "\(flag)")
        let emptyValue = try await Self.onTerminal(arguments, environment: ["NO_COLOR": ""])
        #expect(emptyValue.stdout.contains(Self.green), "an empty NO_COLOR leaves colors on: \(emptyValue)")
    }

    @Test("doctor colors [PASS] green and [WARN] yellow on a terminal; its report in a pipe has no escapes")
    func doctor() async throws {
        let arguments = [
            "doctor", "--token-url", "http://127.0.0.1:1/token", "--client-id", "abc", "--refresh-token", "r-123456",
        ]
        let environment = ["SKILLGATE_CLIENT_SECRET": "not-a-real-secret"]
        let terminal = try await Self.onTerminal([Command.path("skillgate")] + arguments, environment: environment)
        #expect(terminal.stdout.contains("\(Self.green)[PASS]"), "\(terminal)")
        #expect(terminal.stdout.contains("\(Self.yellow)[WARN]"), "\(terminal)")
        let piped = try await Command.skillgate(arguments, environment: environment)
        #expect(piped.stdout.contains("[PASS]") && !piped.stdout.contains(Self.escape), "\(piped)")
    }

    /// Four request files and a skill that takes 0.3 s per answer, so the replay runs well past
    /// the half second after which the progress line appears.
    static func slowReplay(in folder: TemporaryFolder) throws -> (files: String, exec: String) {
        let answer = try folder.write(
            #"{"version": "1.0", "response": {"outputSpeech": {"type": "PlainText", "text": "Hello."}, "shouldEndSession": true}}"#,
            to: "answer.json")
        let request = try String(contentsOfFile: Command.checkout + "/Samples/RideHailer/Replay/requests/launch.json", encoding: .utf8)
        for index in 1...4 { try folder.write(request, to: "requests/\(index)-launch.json") }
        return (folder.path + "/requests", "sh -c 'cat > /dev/null; sleep 0.3; cat \(answer)'")
    }

    @Test("a long replay shows 'replaying file N/4 · K requests…' on a terminal, rewritten in place and erased at the end")
    func progressOnTerminal() async throws {
        let folder = try TemporaryFolder()
        let (files, exec) = try Self.slowReplay(in: folder)
        let output = try await Self.onTerminal([Command.path("skillgate"), "replay", files, "--exec", exec, "--exec-mode", "once"])
        #expect(output.status == 0, "\(output)")
        #expect(output.stdout.contains("/4 · "), "no progress line: \(output)")
        #expect(output.stdout.contains("\r\(Self.escape)Kreplaying file "), "the line is rewritten in place: \(output)")
        #expect(output.stdout.contains("replay: 4 files, 4 requests"), "\(output)")
        #expect(output.stdout.contains("\(Self.yellow)(no expectations)"), "\(output)")
        // The summary comes after the line was erased, and nothing is drawn after it.
        let summary = try #require(output.stdout.range(of: "replay: 4 files"))
        #expect(!output.stdout[summary.upperBound...].contains("replaying"), "\(output)")
    }

    @Test("with stderr not a terminal, a long replay writes no progress and no escapes at all")
    func noProgressInPipes() async throws {
        let folder = try TemporaryFolder()
        let (files, exec) = try Self.slowReplay(in: folder)
        let output = try await Command.skillgate(["replay", files, "--exec", exec, "--exec-mode", "once"])
        #expect(output.status == 0, "\(output)")
        #expect(!output.stderr.contains("replaying") && !output.stderr.contains("\r"), "\(output)")
        #expect(!output.stdout.contains(Self.escape) && !output.stderr.contains(Self.escape), "\(output)")
        #expect(output.stdout.contains("replay: 4 files, 4 requests"), "\(output)")
    }
}

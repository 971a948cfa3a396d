#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import SkillGateSystem
import Testing

/// ``Subprocess/run(_:arguments:environment:workingDirectory:input:standardOutput:standardError:ownProcessGroup:timeout:)``.
struct SubprocessRunTests {
    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test("stdout and stderr are collected apart; the exit code comes back")
    func collects() throws {
        let output = try Subprocess.run(shell: "echo out; echo err >&2; exit 3", timeout: .seconds(10))
        #expect(output.status == 3)
        #expect(Self.text(output.standardOutput) == "out\n")
        #expect(Self.text(output.standardError) == "err\n")
    }

    @Test("a child killed by signal N exits 128 + N")
    func signalStatus() throws {
        #expect(try Subprocess.run(shell: "kill -TERM $$", timeout: .seconds(10)).status == 143)
        #expect(try Subprocess.run(shell: "kill -KILL $$", timeout: .seconds(10)).status == 137)
    }

    @Test("input larger than a pipe buffer goes in while output comes out (no deadlock)")
    func largeInput() async throws {
        let input = (0..<400_000).map { UInt8(truncatingIfNeeded: $0 % 251) }
        let output = try await Subprocess.run("/bin/cat", input: input, timeout: .seconds(20))
        #expect(output.status == 0)
        #expect(output.standardOutput == input)
    }

    @Test("no input means /dev/null: the child reads end of input at once")
    func noInput() throws {
        let output = try Subprocess.run(shell: "cat; echo done", timeout: .seconds(10))
        #expect(Self.text(output.standardOutput) == "done\n")
    }

    @Test("a child that does not finish in time is terminated and reported")
    func timeout() {
        let started = ContinuousClock.now
        #expect {
            try Subprocess.run("/bin/sleep", arguments: ["30"], timeout: .milliseconds(300))
        } throws: { error in
            (error as? SubprocessError)?.kind == .timedOut && "\(error)".contains("/bin/sleep 30 did not finish")
        }
        #expect(started.duration(to: .now) < .seconds(10))
    }

    @Test("a program that does not exist cannot start")
    func missingProgram() {
        #expect {
            try Subprocess.run("/nonexistent/program", timeout: .seconds(5))
        } throws: { error in
            (error as? SubprocessError)?.kind == .cannotStart && "\(error)".contains("/nonexistent/program")
        }
    }

    @Test("the environment and working directory are the ones given")
    func environmentAndDirectory() throws {
        let output = try Subprocess.run(
            "/bin/sh", arguments: ["-c", "echo \"$ONLY:$HOME\"; pwd"], environment: ["ONLY": "yes"], workingDirectory: "/",
            timeout: .seconds(10))
        #expect(Self.text(output.standardOutput) == "yes:\n/\n")
    }

    @Test("stdout can go to /dev/null or one of our descriptors instead of a pipe")
    func redirections() throws {
        let discarded = try Subprocess.run(shell: "echo gone", standardOutput: .nullDevice, timeout: .seconds(10))
        #expect(discarded.status == 0 && discarded.standardOutput.isEmpty)
        var ends: [Int32] = [-1, -1]
        try #require(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let moved = try Subprocess.run(
            "/bin/sh", arguments: ["-c", "echo moved"], standardOutput: .descriptor(ends[1]), timeout: .seconds(10))
        close(ends[1])
        #expect(moved.status == 0 && moved.standardOutput.isEmpty)
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(ends[0], &buffer, buffer.count)
        #expect(Self.text(Array(buffer[..<max(count, 0)])) == "moved\n")
    }

    @Test("which finds executables on the search path, and nothing else")
    func which() {
        #expect(Subprocess.which("sh", searchPath: "/nonexistent:/bin:/usr/bin") != nil)
        #expect(Subprocess.which("no-such-command-anywhere", searchPath: Subprocess.defaultSearchPath) == nil)
        #expect(Subprocess.which("/bin/sh", searchPath: "") == "/bin/sh")
        #expect(Subprocess.which("bin", searchPath: "/") == nil)
    }

    @Test("the current executable is a real file")
    func currentExecutable() throws {
        let path = try #require(CurrentExecutable.path())
        #expect(path.hasPrefix("/"))
        #expect(Subprocess.which(path, searchPath: "") == path)
    }
}

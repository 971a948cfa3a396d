#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import SkillGateSystem
import Testing

/// A long-lived ``Subprocess``: pipes, waits, signals, termination.
struct SubprocessLifecycleTests {
    static func soon(_ seconds: Int = 10) -> ContinuousClock.Instant { .now + .seconds(seconds) }

    @Test("a line written to stdin comes back on stdout; closing stdin lets it exit")
    func conversation() async throws {
        let child = try Subprocess(shell: "while read line; do echo \"got $line\"; done", standardInput: .pipe, standardOutput: .pipe)
        #expect(await child.write(Array("one\n".utf8), until: Self.soon()))
        #expect(await child.readStandardOutput(until: Self.soon()) == Array("got one\n".utf8))
        child.closeStandardInput()
        #expect(await child.readStandardOutput(until: Self.soon()) == [])
        #expect(await child.wait(timeout: .seconds(10)) == 0)
        #expect(!child.isRunning)
    }

    @Test("a read gives up at its deadline when nothing comes")
    func readDeadline() throws {
        let child = try Subprocess("/bin/sleep", arguments: ["30"], standardOutput: .pipe)
        let started = ContinuousClock.now
        #expect(child.readStandardOutput(until: .now + .milliseconds(200)) == nil)
        #expect(started.duration(to: .now) >= .milliseconds(200))
        #expect(child.terminate() == 143)
    }

    @Test("writing to a child that exited fails instead of raising SIGPIPE")
    func writeAfterExit() throws {
        let child = try Subprocess("/bin/true", standardInput: .pipe)
        #expect(child.waitUntilExit() == 0)
        #expect(!child.write(Array(repeating: 1, count: 200_000), until: Self.soon()))
    }

    @Test("terminate ends a shell's whole process group, with SIGKILL if SIGTERM is ignored")
    func terminate() async throws {
        let child = try Subprocess(shell: "trap '' TERM; sleep 30 & wait", standardOutput: .nullDevice)
        try await Task.sleep(for: .milliseconds(100))
        #expect(child.isRunning)
        #expect(await child.terminate(grace: .milliseconds(300)) == 137)
        #expect(child.exitStatus == 137)
        child.signal(SIGKILL)  // reaped: a no-op, never another process
    }

    @Test("signal sends any signal; wait times out while the child runs")
    func signalAndWait() throws {
        let child = try Subprocess("/bin/sleep", arguments: ["30"])
        #expect(child.wait(timeout: .milliseconds(50)) == nil)
        child.signal(SIGINT)
        #expect(child.wait(timeout: .seconds(10)) == 128 + SIGINT)
    }

    @Test("the child starts with default signal handling even though this process ignores SIGPIPE")
    func signalDefaults() throws {
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        let killed = try Subprocess.run(shell: "kill -PIPE $$", timeout: .seconds(10))
        #expect(killed.status == 128 + SIGPIPE)
    }

    #if os(Linux)
        @Test("the child inherits no descriptor but 0, 1 and 2")
        func noLeakedDescriptors() throws {
            var leaked: [Int32] = [-1, -1]
            try #require(pipe(&leaked) == 0)
            defer { for descriptor in leaked { close(descriptor) } }
            let output = try Subprocess.run("/bin/ls", arguments: ["/proc/self/fd"], timeout: .seconds(10))
            let descriptors = String(decoding: output.standardOutput, as: UTF8.self).split(separator: "\n")
            // ls has its own descriptor on the folder it lists (3).
            #expect(descriptors.allSatisfy { ["0", "1", "2", "3"].contains($0) }, "\(descriptors)")
        }
    #endif
}

import SkillGateReplay
import SkillGateSystem

/// Runs the skill once as a child process speaking the `stdio --lines` protocol: one JSON
/// envelope per line on its stdin, exactly one JSON line back on its stdout per request.
/// A SkillGate skill binary does this with `stdio --lines`. The command runs under `/bin/sh -c`
/// (so quoting and environment assignments work) in a process group of its own; its stderr
/// passes through to ours, and `LOG_LEVEL` defaults to `warning` so only problems show.
final class ExecTransport: SkillTransport {
    let target: String
    private let command: String
    private let timeout: Duration
    private let child: Subprocess
    private var buffer: [UInt8] = []
    /// Set when the child stopped answering in time: `close()` then ends it at once.
    private var isUnresponsive = false

    /// Starts the command.
    /// - Parameters:
    ///   - command: the command line, e.g. `.build/debug/ride-hailer stdio --lines`.
    ///   - timeout: how long to wait for each answer.
    ///   - environment: this process's environment.
    /// - Throws: ``CLIError`` `.transport` when it cannot be started.
    init(command: String, timeout: Duration, environment: [String: String]) throws(CLIError) {
        self.command = command
        self.timeout = timeout
        target = "exec: \(command)"
        do {
            child = try Subprocess(
                shell: command, environment: SkillEnvironment.forChild(of: environment), standardInput: .pipe, standardOutput: .pipe)
        } catch {
            throw .transport(error.message)
        }
    }

    func send(_ body: [UInt8]) async throws(CLIError) -> (status: Int?, body: [UInt8]) {
        guard await child.write(body + [UInt8(ascii: "\n")], until: .now + timeout) else {
            throw await endedEarly("before reading the request")
        }
        return (nil, try await readLine())
    }

    func close() async throws(CLIError) {
        child.closeStandardInput()
        if isUnresponsive {
            await child.terminate()
            return
        }
        guard let status = await child.wait(timeout: .seconds(5)) else {
            await child.terminate()
            throw .transport("`\(command)` did not exit within 5 s after its input ended; it was terminated")
        }
        if status != 0 {
            throw .transport("`\(command)` exited with status \(status) at the end of the replay")
        }
    }

    /// Reads up to the next newline, waiting at most `timeout` in total.
    private func readLine() async throws(CLIError) -> [UInt8] {
        let deadline = ContinuousClock.now + timeout
        var scanned = 0
        while true {
            if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[..<newline])
                buffer.removeFirst(newline + 1)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return line
            }
            scanned = buffer.count
            guard let chunk = await child.readStandardOutput(until: deadline) else {
                isUnresponsive = true
                throw .transport(
                    "`\(command)` gave no answer line within \(timeout); does it speak the stdio --lines protocol (e.g. `my-skill stdio --lines`)?"
                )
            }
            guard !chunk.isEmpty else { throw await endedEarly("before answering") }
            buffer += chunk
        }
    }

    private func endedEarly(_ when: String) async -> CLIError {
        let exitStatus = await child.wait(timeout: .seconds(2))
        // Still running: `close()` ends it rather than waiting for it.
        if exitStatus == nil { isUnresponsive = true }
        let status = exitStatus.map { "exited with status \($0)" } ?? "closed its output"
        return .transport("`\(command)` \(status) \(when); check the command (its messages, if any, are above)")
    }
}

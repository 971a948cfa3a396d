import SkillGateReplay
import SkillGateSystem

/// Runs the skill's command under `/bin/sh -c` (so quoting and environment assignments work)
/// and speaks one of the two stdio protocols with it (see ``ExecMode``):
/// - `lines`: started once; one JSON envelope per line in, exactly one JSON line back per
///   request (`my-skill stdio --lines`);
/// - `once`: started per request; the envelope on stdin, which is then closed, and the answer is
///   all of stdout (`my-skill stdio`). A run that prints nothing and exits non-zero is a
///   rejection, its code read from a SkillGate skill's message (`wrong skill:` is
///   `applicationIdMismatch`, `stale request:` `timestampOutOfRange`, `malformed request:`
///   `malformedRequest`), else `exit N`.
///
/// The command's stderr passes through to ours, and `LOG_LEVEL` defaults to `warning` for it.
final class ExecTransport: SkillTransport {
    private(set) var target: String
    private let command: String
    private let timeout: Duration
    private let environment: [String: String]
    private let requested: ExecMode
    private var mode: ExecMode?
    private var process: LinesProcess?

    /// Prepares to run the command; nothing starts until the first request.
    /// - Parameters:
    ///   - command: the command line, e.g. `.build/debug/ride-hailer stdio --lines`.
    ///   - mode: `--exec-mode`.
    ///   - timeout: how long to wait for each answer.
    ///   - environment: this process's environment.
    init(command: String, mode: ExecMode, timeout: Duration, environment: [String: String]) {
        self.command = command
        self.timeout = timeout
        self.environment = SkillEnvironment.forChild(of: environment)
        requested = mode
        self.mode = mode == .auto ? ExecMode.guess(command) : mode
        target = "exec: \(command)"
    }

    func send(_ body: [UInt8]) async throws(CLIError) -> (status: Int?, body: [UInt8]) {
        switch mode {
        case .once: return (nil, try await OnceRun.answer(command, body: body, environment: environment, timeout: timeout))
        case .lines: return (nil, try await sendLine(body, to: try linesProcess()))
        default: return (nil, try await probe(body))
        }
    }

    func close() async throws(CLIError) {
        guard let process else { return }
        process.child.closeStandardInput()
        if process.isUnresponsive {
            await process.child.terminate()
            return
        }
        guard let status = await process.child.wait(timeout: .seconds(5)) else {
            await process.child.terminate()
            throw .transport("`\(command)` did not exit within 5 s after its input ended; it was terminated")
        }
        if status != 0 {
            throw .transport("`\(command)` exited with status \(status) at the end of the replay")
        }
    }

    private func linesProcess() throws(CLIError) -> LinesProcess {
        if let process { return process }
        let started = try LinesProcess(command: command, environment: environment)
        process = started
        return started
    }

    private func sendLine(_ body: [UInt8], to process: LinesProcess) async throws(CLIError) -> [UInt8] {
        guard await process.write(body, until: .now + timeout) else { throw await process.endedEarly("before reading the request") }
        switch await process.readLine(until: .now + timeout) {
        case .line(let line): return line
        case .ended: throw await process.endedEarly("before answering")
        case .timedOut:
            process.isUnresponsive = true
            throw .transport(
                "`\(command)` gave no answer line within \(timeout); if it answers one request and exits (like `my-skill stdio`), pass --exec-mode once; a SkillGate skill keeps one process with `my-skill stdio --lines`"
            )
        }
    }

    /// The first request of an undecided command: an answer line while its input is still open
    /// makes it `lines`; otherwise its input is closed and an answer then makes it `once`.
    private func probe(_ body: [UInt8]) async throws(CLIError) -> [UInt8] {
        let process = try linesProcess()
        guard await process.write(body, until: .now + timeout) else { throw await process.endedEarly("before reading the request") }
        switch await process.readLine(until: .now + min(ExecMode.probeWindow, timeout)) {
        case .line(let line):
            mode = .lines
            return line
        case .ended: throw await process.endedEarly("before answering")
        case .timedOut: break
        }
        process.child.closeStandardInput()
        var output: [UInt8] = []
        let deadline = ContinuousClock.now + timeout
        reading: while true {
            switch await process.readLine(until: deadline) {
            case .line(let line): output += line + [UInt8(ascii: "\n")]
            case .ended(let rest):
                output += rest
                break reading
            case .timedOut:
                process.isUnresponsive = true
                throw .transport(
                    "`\(command)` gave no answer line within \(timeout), nor an answer once its input was closed; is it a skill's stdio command (`my-skill stdio --lines`)?"
                )
            }
        }
        let status = await process.child.wait(timeout: .seconds(5)) ?? -1
        let errors = await process.finishedErrorOutput()
        self.process = nil
        mode = .once
        target = "exec (once per request): \(command)"
        StandardStreams.printError(
            "skillgate replay: `\(command)` answers only once its input ends, so it runs once per request (--exec-mode once); a SkillGate skill keeps one process with `stdio --lines`"
        )
        return try OnceRun.interpret(command, output: output, errors: errors, status: status, showErrors: false)
    }
}

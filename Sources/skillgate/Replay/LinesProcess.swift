import Foundation
import SkillGateReplay
import SkillGateSystem
import Synchronization

/// The command started once, under `/bin/sh -c` in a process group of its own: requests are
/// written to its stdin as lines, and its answers read from its stdout. Its stderr is passed
/// through to ours as it comes, and the last of it kept for messages.
final class LinesProcess {
    /// The command line.
    let command: String
    let child: Subprocess
    private var buffer: [UInt8] = []
    private let errorTail = ErrorTail()
    /// Set when the child stopped answering in time: `close()` then ends it at once.
    var isUnresponsive = false

    /// Starts the command.
    /// - Parameters:
    ///   - command: the command line.
    ///   - environment: its environment.
    /// - Throws: ``CLIError`` `.transport` when it cannot be started.
    init(command: String, environment: [String: String]) throws(CLIError) {
        self.command = command
        let started: Subprocess
        do {
            started = try Subprocess(
                shell: command, environment: environment, standardInput: .pipe, standardOutput: .pipe, standardError: .pipe)
        } catch {
            throw .transport(error.message)
        }
        child = started
        let tail = errorTail
        Task.detached {
            while true {
                guard let chunk = await started.readStandardError(until: .now + .seconds(60)) else { continue }
                if chunk.isEmpty {
                    tail.finish()
                    return
                }
                _ = StandardStreams.write(chunk, to: 2)
                tail.append(chunk)
            }
        }
    }

    /// Writes one request line.
    /// - Returns: false when the child no longer reads its input.
    func write(_ body: [UInt8], until deadline: ContinuousClock.Instant) async -> Bool {
        await child.write(body + [UInt8(ascii: "\n")], until: deadline)
    }

    /// The next line of output: `.line` when one came by the deadline, `.timedOut` when none
    /// did, `.ended` when the output ended first (with what came before the end).
    enum Read {
        case line([UInt8])
        case timedOut
        case ended([UInt8])
    }

    /// Reads up to the next newline, waiting until `deadline`.
    func readLine(until deadline: ContinuousClock.Instant) async -> Read {
        var scanned = 0
        while true {
            if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[..<newline])
                buffer.removeFirst(newline + 1)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return .line(line)
            }
            scanned = buffer.count
            guard let chunk = await child.readStandardOutput(until: deadline) else { return .timedOut }
            guard !chunk.isEmpty else {
                defer { buffer = [] }
                return .ended(buffer)
            }
            buffer += chunk
        }
    }

    /// What the child wrote on stderr (the last 64 KB), once its stderr has ended, or after 2 s
    /// when something it started still holds stderr open.
    func finishedErrorOutput() async -> String {
        let deadline = ContinuousClock.now + .seconds(2)
        while !errorTail.isFinished && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        return String(decoding: errorTail.bytes, as: UTF8.self)
    }

    /// A transport error for a child that ended or closed its output early.
    /// - Parameter when: e.g. `before answering`.
    func endedEarly(_ when: String) async -> CLIError {
        let exitStatus = await child.wait(timeout: .seconds(2))
        // Still running: `close()` ends it rather than waiting for it.
        if exitStatus == nil { isUnresponsive = true }
        let status = exitStatus.map { "exited with status \($0)" } ?? "closed its output"
        return .transport("`\(command)` \(status) \(when); check the command (its messages, if any, are above)")
    }
}

/// The last 64 KB a child wrote on stderr.
final class ErrorTail: Sendable {
    private let stored = Mutex<[UInt8]>([])
    private let finished = Mutex(false)

    /// Adds output, dropping the oldest beyond 64 KB.
    func append(_ chunk: [UInt8]) {
        stored.withLock { bytes in
            bytes += chunk
            if bytes.count > 65_536 { bytes.removeFirst(bytes.count - 65_536) }
        }
    }

    /// What is kept.
    var bytes: [UInt8] { stored.withLock { $0 } }

    /// Marks the end of the output.
    func finish() { finished.withLock { $0 = true } }

    /// Whether the output has ended.
    var isFinished: Bool { finished.withLock { $0 } }
}

public import Foundation

/// A skill binary's `serve` command as a child process, on a port the kernel picks: the port is
/// read from the `serving … on http://HOST:PORT/PATH` line the endpoint logs at start-up.
// @unchecked Sendable: `process` is only asked `isRunning` and `processIdentifier`, and signalled; the
// log is behind a lock.
public final class SkillServerProcess: @unchecked Sendable {
    /// The running process.
    public let process: Process
    /// The port the endpoint listens on.
    public let port: Int
    private let logText: Locked<String>

    /// The skill's URL on loopback (path `/`).
    public var url: String { "http://127.0.0.1:\(port)/" }

    /// Everything the endpoint logged to stderr so far.
    public var log: String { logText.get() }

    private init(process: Process, port: Int, log: Locked<String>) {
        self.process = process
        self.port = port
        self.logText = log
    }

    /// Starts `executable serve --host 127.0.0.1 --port 0` plus `arguments`, and waits (up to 30 s)
    /// for it to listen.
    /// - Parameters:
    ///   - executable: the skill binary's path.
    ///   - arguments: more `serve` options, e.g. `--no-verify`.
    ///   - environment: variables added to this process's environment (`LOG_LEVEL` is `info`).
    /// - Throws: ``ChildProcess/Failure`` when it does not start listening.
    public static func start(_ executable: String, _ arguments: [String] = [], environment: [String: String] = [:]) async throws
        -> SkillServerProcess
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", "0"] + arguments
        var merged = ProcessInfo.processInfo.environment
        merged["LOG_LEVEL"] = "info"
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let log = Locked("")
        errors.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
            } else {
                log.update { $0 += String(decoding: data, as: UTF8.self) }
            }
        }
        do {
            try process.run()
        } catch {
            throw ChildProcess.Failure(description: "could not start \(executable): \(error)")
        }
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline && process.isRunning {
            if let port = port(in: log.get()) { return SkillServerProcess(process: process, port: port, log: log) }
            try await Task.sleep(for: .milliseconds(20))
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        throw ChildProcess.Failure(description: "\(executable) serve did not start listening; log:\n\(log.get())")
    }

    /// Sends `signal` and waits (up to 30 s) for the process to exit.
    /// - Parameter signal: `SIGTERM` by default.
    /// - Returns: the exit status, or -1 (after SIGKILL) if it did not exit.
    public func stop(signal: Int32 = SIGTERM) async -> Int32 {
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        guard !process.isRunning else {
            kill(process.processIdentifier, SIGKILL)
            return -1
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// The port in the `serving … on http://HOST:PORT/PATH` line.
    static func port(in log: String) -> Int? {
        guard let line = log.split(separator: "\n").first(where: { $0.contains("serving ") && $0.contains(" on http://") }),
            let start = line.range(of: " on http://")
        else { return nil }
        let hostAndPort = line[start.upperBound...].prefix { $0 != "/" }
        guard let colon = hostAndPort.lastIndex(of: ":") else { return nil }
        return Int(hostAndPort[hostAndPort.index(after: colon)...])
    }
}

#if canImport(Glibc)
    public import Glibc
#elseif canImport(Musl)
    public import Musl
#elseif canImport(Darwin)
    public import Darwin
#endif
import Foundation
public import SkillGateSystem

/// A skill binary's `serve` command as a child process, on a port the kernel picks: the port is
/// read from the `serving … on http://HOST:PORT/PATH` line the endpoint logs at start-up.
public final class SkillServerProcess: Sendable {
    /// The running process.
    public let process: Subprocess
    /// The port the endpoint listens on.
    public let port: Int
    private let logBytes: Locked<[UInt8]>

    /// The skill's URL on loopback (path `/`).
    public var url: String { "http://127.0.0.1:\(port)/" }

    /// Everything the endpoint logged to stderr so far.
    public var log: String { String(decoding: logBytes.get(), as: UTF8.self) }

    private init(process: Subprocess, port: Int, log: Locked<[UInt8]>) {
        self.process = process
        self.port = port
        self.logBytes = log
    }

    /// Starts `executable serve --host 127.0.0.1 --port 0` plus `arguments`, and waits (up to 30 s)
    /// for it to listen.
    /// - Parameters:
    ///   - executable: the skill binary's path.
    ///   - arguments: more `serve` options, e.g. `--no-verify`.
    ///   - environment: variables added to this process's environment (`LOG_LEVEL` is `info`).
    ///   - port: the port to listen on; 0 (the default) lets the kernel pick one.
    /// - Throws: ``ChildProcess/Failure`` when it does not start listening.
    public static func start(
        _ executable: String, _ arguments: [String] = [], environment: [String: String] = [:], port: Int = 0
    ) async throws -> SkillServerProcess {
        var merged = ProcessEnvironment.read()
        merged["LOG_LEVEL"] = "info"
        merged.merge(environment) { _, added in added }
        let process: Subprocess
        do {
            process = try Subprocess(
                executable, arguments: ["serve", "--host", "127.0.0.1", "--port", String(port)] + arguments, environment: merged,
                standardInput: .nullDevice, standardOutput: .nullDevice, standardError: .pipe)
        } catch {
            throw ChildProcess.Failure(description: "could not start \(executable): \(error)")
        }
        let log = Locked<[UInt8]>([])
        Task.detached { await drain(process, into: log) }
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline && process.isRunning {
            if let listening = Self.port(in: String(decoding: log.get(), as: UTF8.self)) {
                return SkillServerProcess(process: process, port: listening, log: log)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        process.signal(SIGKILL)
        throw ChildProcess.Failure(
            description: "\(executable) serve did not start listening; log:\n\(String(decoding: log.get(), as: UTF8.self))")
    }

    /// Sends `signal` and waits (up to 30 s) for the process to exit.
    /// - Parameter signal: `SIGTERM` by default.
    /// - Returns: the exit status (128 + N when signal N killed it), or -1 (after SIGKILL) if it did not exit.
    public func stop(signal: Int32 = SIGTERM) async -> Int32 {
        process.signal(signal)
        if let status = await process.wait(timeout: .seconds(30)) { return status }
        process.signal(SIGKILL)
        return -1
    }

    deinit {
        process.signal(SIGKILL)
    }

    /// Appends the child's stderr to `log` until it ends (each read waits on a thread of its own).
    private static func drain(_ process: Subprocess, into log: Locked<[UInt8]>) async {
        while true {
            guard let chunk = await process.readStandardError(until: .now + .seconds(60)) else { continue }
            if chunk.isEmpty { return }
            log.update { $0 += chunk }
        }
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

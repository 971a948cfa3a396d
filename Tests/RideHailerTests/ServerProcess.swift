import Foundation

/// `ride-hailer serve` as a real child process: started on port 0, its port read from the
/// start-up line on stderr, stopped with a signal.
final class ServerProcess: @unchecked Sendable {
    // @unchecked: `process` is only touched from the test's own task; `stderrText` is guarded by Locked.
    let process = Process()
    private let port = Locked<Int>(0)
    private let stderrText = Locked<String>("")

    /// The port the server listens on.
    var listeningPort: Int { port.get() }

    /// Starts `ride-hailer serve` with `arguments` (after `serve`) and waits for it to listen.
    static func start(_ arguments: [String], environment: [String: String] = [:]) async throws -> ServerProcess {
        let server = ServerProcess(arguments, environment: environment)
        try server.process.run()
        try await server.waitForPort()
        return server
    }

    private init(_ arguments: [String], environment: [String: String]) {
        process.executableURL = ChildProcess.executable("ride-hailer")
        process.arguments = ["serve", "--port", "0"] + arguments
        var merged = ProcessInfo.processInfo.environment
        merged["LOG_LEVEL"] = "info"
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let text = stderrText
        errors.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                return
            }
            text.update { $0 += String(decoding: data, as: UTF8.self) }
        }
    }

    private func waitForPort() async throws {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline && process.isRunning {
            if let found = Self.port(in: stderrText.get()) {
                port.set(found)
                return
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        process.terminate()
        throw ServerProcessError(description: "ride-hailer serve did not start: \(stderrText.get())")
    }

    /// Everything the server wrote to stderr so far.
    var log: String { stderrText.get() }

    /// Sends `signal` and waits (up to 30 s) for the process to exit; returns its exit status,
    /// or -1 (after killing it) if it did not exit.
    func stop(signal: Int32 = SIGTERM) async -> Int32 {
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            return -1
        }
        return process.terminationStatus
    }

    private static func port(in text: String) -> Int? {
        guard let range = text.range(of: "serving ") else { return nil }
        let line = text[range.upperBound...].prefix { $0 != "\n" }
        guard let colon = line.range(of: "http://")?.upperBound else { return nil }
        let hostAndPort = line[colon...].prefix { $0 != "/" }
        guard let lastColon = hostAndPort.lastIndex(of: ":") else { return nil }
        return Int(hostAndPort[hostAndPort.index(after: lastColon)...])
    }
}

struct ServerProcessError: Error, CustomStringConvertible {
    let description: String
}

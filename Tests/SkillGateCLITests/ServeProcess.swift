import Foundation

/// `ride-hailer serve --port 0` as a child process: reads the bound port from its start-up log
/// line on stderr, and stops it with SIGTERM.
final class ServeProcess {
    let port: Int
    private let process: Process
    private let exited = DispatchSemaphore(value: 0)
    private let log: Locked<String>

    /// The URL to replay against.
    var url: String { "http://127.0.0.1:\(port)/" }

    init(arguments: [String] = [], environment: [String: String] = [:]) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: Command.path("ride-hailer"))
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", "0", "--path", "/"] + arguments
        var merged = ProcessInfo.processInfo.environment
        merged["LOG_LEVEL"] = "notice"
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let exited = self.exited
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        let log = Locked("")
        self.log = log
        let portFound = DispatchSemaphore(value: 0)
        let found = Locked<Int?>(nil)
        let handle = stderr.fileHandleForReading
        Thread.detachNewThread {
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                log.update { $0 += String(decoding: chunk, as: UTF8.self) }
                if found.get() == nil, let port = Self.port(in: log.get()) {
                    found.set(port)
                    portFound.signal()
                }
            }
            portFound.signal()
        }
        _ = portFound.wait(timeout: .now() + 30)
        guard let port = found.get() else {
            process.terminate()
            throw CommandError("ride-hailer serve did not report its port; log:\n\(log.get())")
        }
        self.port = port
    }

    /// Sends SIGTERM and waits for the exit status.
    func stop() throws -> Int32 {
        process.terminate()
        guard exited.wait(timeout: .now() + 20) == .success else {
            kill(process.processIdentifier, SIGKILL)
            throw CommandError("ride-hailer serve did not exit after SIGTERM; log:\n\(log.get())")
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Everything the server logged so far.
    var logText: String { log.get() }

    /// The port in `serving … on http://HOST:PORT/PATH`.
    static func port(in log: String) -> Int? {
        guard let line = log.split(separator: "\n").first(where: { $0.contains("serving ") && $0.contains(" on http://") }),
            let start = line.range(of: " on http://")
        else { return nil }
        let rest = line[start.upperBound...]
        guard let colon = rest.lastIndex(of: ":") else { return nil }
        let digits = rest[rest.index(after: colon)...].prefix { $0.isNumber }
        return Int(digits)
    }
}

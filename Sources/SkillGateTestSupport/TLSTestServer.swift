public import Foundation
import Synchronization

/// `openssl s_server -HTTP` on 127.0.0.1 as a child process, serving files from its own temp folder.
///
/// In `-HTTP` mode `GET /name` answers with the file `name` verbatim, so each file is a complete HTTP
/// response (status line, headers, body): tests choose the status and the body framing exactly.
public final class TLSTestServer: Sendable {
    /// The port it listens on at 127.0.0.1.
    public let port: Int
    private let process: Process
    private let folder: URL

    /// Starts a server and waits until it accepts connections.
    /// - Parameters:
    ///   - certificate: the server certificate (PEM).
    ///   - key: its private key (PEM).
    ///   - files: raw HTTP responses by file name.
    ///   - connections: how many connections it serves before exiting by itself.
    public init(certificate: [UInt8], key: [UInt8], files: [String: [UInt8]], connections: Int = 1) throws {
        guard let openssl = AlexaCertificateFixture.opensslPath else { throw TLSTestError("the openssl command is not on PATH") }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("skillgate-s_server-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(certificate).write(to: folder.appendingPathComponent("server.pem"))
        try Data(key).write(to: folder.appendingPathComponent("server.key"))
        for (name, bytes) in files { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        var attempt = 0
        while true {
            attempt += 1
            let port = try LoopbackListener.freePort()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: openssl)
            process.arguments = [
                "s_server", "-accept", "127.0.0.1:\(port)", "-cert", "server.pem", "-key", "server.key", "-HTTP", "-naccept",
                "\(connections)",
            ]
            process.currentDirectoryURL = folder
            let output = try Self.start(process)
            if output.contains("ACCEPT") {
                self.port = port
                self.process = process
                return
            }
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            guard attempt < 5, output.contains("in use") else {
                try? FileManager.default.removeItem(at: folder)
                throw TLSTestError("openssl s_server did not start: \(output)")
            }
        }
    }

    deinit {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }

    /// `https://127.0.0.1:PORT/name`.
    public func url(_ name: String) -> URL {
        URL(string: "https://127.0.0.1:\(port)/\(name)") ?? URL(fileURLWithPath: "/")
    }

    /// Runs `process` with its output drained on a thread; returns the output once it says `ACCEPT`
    /// (listening) or the process has exited, whichever is first (at most 20 s).
    private static func start(_ process: Process) throws -> String {
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        let seen = OutputLog()
        let ready = DispatchSemaphore(value: 0)
        try process.run()
        let reader = pipe.fileHandleForReading
        Thread.detachNewThread {
            var signalled = false
            while true {
                let data = reader.availableData
                if data.isEmpty { break }
                let text = seen.append(String(decoding: data, as: UTF8.self))
                if !signalled, text.contains("ACCEPT") {
                    signalled = true
                    ready.signal()
                }
            }
            if !signalled { ready.signal() }
        }
        _ = ready.wait(timeout: .now() + 20)
        return seen.text
    }
}

/// Output collected from a child process by a reader thread.
final class OutputLog: Sendable {
    private let storage = Mutex("")

    /// Appends and returns everything so far.
    func append(_ more: String) -> String {
        storage.withLock { text in
            text += more
            return text
        }
    }

    /// Everything so far.
    var text: String { storage.withLock { $0 } }
}

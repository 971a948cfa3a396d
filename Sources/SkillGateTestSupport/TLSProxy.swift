import Foundation

/// A TLS-terminating proxy on 127.0.0.1 in front of a plain HTTP server on loopback: a small Python
/// program (`ssl` module) that accepts TLS with a throw-away certificate and pipes the plaintext both
/// ways, so the project's own HTTPServer (and whatever responder it runs) can be reached over HTTPS.
public final class TLSProxy: Sendable {
    /// The port the proxy accepts TLS on.
    public let port: Int
    private let process: Process
    private let input: Pipe
    private let folder: URL

    /// Whether `python3` and `openssl` are available to run the proxy and make its certificates.
    public static var isAvailable: Bool { ChildProcess.which("python3") != nil && ChildProcess.which("openssl") != nil }

    /// Starts the proxy and waits until it listens.
    /// - Parameters:
    ///   - certificate: the server certificate (PEM) the proxy presents.
    ///   - key: its private key (PEM).
    ///   - backendPort: the plain HTTP server's port on 127.0.0.1.
    public init(certificate: [UInt8], key: [UInt8], backendPort: Int) throws {
        guard let python = ChildProcess.which("python3") else { throw TLSTestError("python3 is not on PATH") }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("skillgate-tls-proxy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let certificatePath = folder.appendingPathComponent("server.pem")
        let keyPath = folder.appendingPathComponent("server.key")
        try Data(certificate).write(to: certificatePath)
        try Data(key).write(to: keyPath)
        process = Process()
        input = Pipe()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", Self.script, certificatePath.path, keyPath.path, String(backendPort)]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        guard let line = Self.readLine(output.fileHandleForReading), let port = Int(line) else {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: folder)
            throw TLSTestError("the TLS proxy did not start")
        }
        self.port = port
    }

    deinit {
        // Closing its standard input stops the proxy (a child may not see SIGTERM: its signals can be blocked).
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }

    /// The first line the child writes (its port), read byte by byte.
    private static func readLine(_ handle: FileHandle) -> String? {
        var bytes: [UInt8] = []
        while let byte = try? handle.read(upToCount: 1)?.first, byte != UInt8(ascii: "\n") {
            bytes.append(byte)
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    /// One thread per connection; each moves bytes both ways with `select`, so an `SSLSocket` is only
    /// ever used by one thread.
    private static let script = """
        import os, select, socket, ssl, sys, threading
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(sys.argv[1], sys.argv[2])
        backend = int(sys.argv[3])
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen(32)
        print(listener.getsockname()[1], flush=True)

        def handle(raw):
            tls = None
            back = None
            try:
                raw.settimeout(20)
                tls = context.wrap_socket(raw, server_side=True)
                back = socket.create_connection(("127.0.0.1", backend))
                tls.setblocking(False)
                while True:
                    ready = [tls] if tls.pending() else select.select([tls, back], [], [], 60)[0]
                    if not ready:
                        break
                    if tls in ready:
                        try:
                            data = tls.recv(65536)
                        except ssl.SSLWantReadError:
                            data = None
                        if data == b"":
                            break
                        if data:
                            back.sendall(data)
                    if back in ready:
                        data = back.recv(65536)
                        if not data:
                            break
                        tls.setblocking(True)
                        tls.sendall(data)
                        tls.setblocking(False)
            except (OSError, ssl.SSLError):
                pass
            finally:
                for s in (tls, back, raw):
                    try:
                        if s is not None:
                            s.close()
                    except OSError:
                        pass

        # Exit when the test closes standard input, or after two minutes whatever happens.
        threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
        threading.Timer(120, lambda: os._exit(0)).start()
        while True:
            connection, _ = listener.accept()
            threading.Thread(target=handle, args=(connection,), daemon=True).start()
        """
}

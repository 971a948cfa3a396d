import Foundation
import SkillGateDoctor
import Testing
import SkillGateLogging

/// A real TLS handshake on loopback: a Python HTTPS server with a self-signed certificate made by `openssl`.
struct DoctorTLSTests {
    private static let server = """
        import http.server, os, ssl, sys, threading
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = b'{"access_token":"a","token_type":"Bearer","expires_in":3600}'
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            def log_message(self, *args):
                pass
        server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(sys.argv[1], sys.argv[2])
        server.socket = context.wrap_socket(server.socket, server_side=True)
        print(server.server_address[1], flush=True)
        # Exit when the test closes standard input, or after a minute whatever happens.
        threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
        threading.Timer(60, lambda: os._exit(0)).start()
        server.serve_forever()
        """

    private static func tool(_ name: String) -> String? {
        ["/usr/bin/\(name)", "/usr/local/bin/\(name)", "/bin/\(name)"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    private static var toolsPresent: Bool { tool("python3") != nil && tool("openssl") != nil }

    @Test(
        "an untrusted TLS certificate is a network ERROR, not a verdict on the server",
        .enabled(if: toolsPresent, "needs python3 and openssl")
    )
    func untrustedCertificate() async throws {
        let python = try #require(Self.tool("python3"))
        let openssl = try #require(Self.tool("openssl"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("doctor-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cert = folder.appendingPathComponent("cert.pem").path
        let key = folder.appendingPathComponent("key.pem").path
        let make = Process()
        make.executableURL = URL(fileURLWithPath: openssl)
        make.arguments = [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
        ]
        make.standardOutput = FileHandle.nullDevice
        make.standardError = FileHandle.nullDevice
        try make.run()
        make.waitUntilExit()
        try #require(make.terminationStatus == 0)

        let server = Process()
        let output = Pipe()
        let input = Pipe()
        server.executableURL = URL(fileURLWithPath: python)
        server.arguments = ["-c", Self.server, cert, key]
        server.standardInput = input
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        // Closing its standard input stops the server (a child may not see SIGTERM: its signals can be blocked).
        defer {
            try? input.fileHandleForWriting.close()
            server.waitUntilExit()
        }
        let port = try #require(Self.readLine(output.fileHandleForReading).flatMap { Int($0) })
        let url = try #require(URL(string: "https://127.0.0.1:\(port)/token"))
        let options = DoctorOptions(
            tokenURL: url, clientID: "client", clientSecret: "secret-value",
            grant: .refreshToken("refresh-token-value"))
        let report = await Doctor(options: options, logger: .disabled).run()
        let refresh = try #require(report[.refresh])
        #expect(refresh.verdict == .error, "\(report.dump)")
        #expect(refresh.reason.contains("TLS"), "\(refresh.reason)")
        // Not a verdict on the token endpoint; the TLS checks say why Alexa would refuse the certificate.
        #expect(report.ids(.fail) == [.tlsTrust], "\(report.dump)")
        #expect(report[.tokenURLHTTPS]?.verdict == .warn, "HTTPS on a port other than 443")
    }

    /// The first line a child writes (its port), read byte by byte.
    private static func readLine(_ handle: FileHandle) -> String? {
        var bytes: [UInt8] = []
        while let byte = try? handle.read(upToCount: 1)?.first, byte != UInt8(ascii: "\n") {
            bytes.append(byte)
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }
}

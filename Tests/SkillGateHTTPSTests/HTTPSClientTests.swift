import SkillGateCrypto
import SkillGateHTTP
import SkillGateHTTPS
import SkillGateTestSupport
import Testing
import SkillGateLogging

/// HTTPClient over HTTPS on loopback: the project's HTTPServer behind a TLS proxy with throw-away
/// certificates from a test CA.
@Suite(.enabled(if: TLSProxy.isAvailable, "needs python3 and openssl for a loopback TLS server"))
struct HTTPSClientTests {
    /// Echoes the path, the remote address (one per proxy connection) and the body.
    static let echo = HTTPClosureResponder { request in
        HTTPResponse(status: 200, headers: ["X-Path": request.path, "X-Remote": request.remoteAddress], body: request.body)
    }

    /// Runs `body` with the port of an HTTPS server presenting `certificate`.
    static func withHTTPS(certificate: [UInt8], _ body: (Int) async throws -> Void) async throws {
        let certificates = try await TLSTestCertificates.shared.value
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, accessLog: false, eventLoopCount: 1),
            responder: echo, logger: .disabled)
        let port = try server.start()
        do {
            let proxy = try TLSProxy(certificate: certificate, key: certificates.serverKeyPEM, backendPort: port)
            try await body(proxy.port)
            withExtendedLifetime(proxy) {}
        } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }

    /// The error a request fails with, or nil when it succeeds.
    static func failure(of client: HTTPClient, timeout: Duration = .seconds(20)) async -> HTTPClientError? {
        do {
            _ = try await client.send(method: "GET", path: "/", timeout: timeout)
            return nil
        } catch {
            return error as? HTTPClientError
        }
    }

    @Test("with the private CA trusted, requests succeed over one kept-alive TLS connection")
    func trustedCA() async throws {
        let certificates = try await TLSTestCertificates.shared.value
        try await Self.withHTTPS(certificate: certificates.loopbackCertificatePEM) { port in
            let client = HTTPClient.https(host: "127.0.0.1", port: port, trustRoots: .pem(certificates.caPEM))
            defer { client.close() }
            var remotes: Set<String> = []
            for index in 0..<3 {
                let response = try await client.send(
                    method: "POST", path: "/echo/\(index)", body: Array("hello \(index)".utf8), timeout: .seconds(20))
                #expect(response.status == 200)
                #expect(response.reason == "OK")
                #expect(response.headers["X-Path"] == "/echo/\(index)")
                #expect(response.body == Array("hello \(index)".utf8))
                remotes.insert(response.headers["X-Remote"] ?? "")
            }
            #expect(remotes.count == 1, "one TLS connection carried every request")
            let byURL = try await client.send(method: "GET", url: "https://127.0.0.1:\(port)/by-url?x=1#part", timeout: .seconds(20))
            #expect(byURL.headers["X-Path"] == "/by-url")
        }
    }

    /// A server certificate the client must refuse.
    enum RefusedCertificate: CaseIterable, CustomStringConvertible {
        /// From a CA the client does not trust.
        case untrustedCA
        /// From the trusted CA, for another name.
        case otherName

        var description: String { "\(kind)" }

        /// What the client must say.
        var kind: HTTPClientError.Kind { self == .untrustedCA ? .untrustedCertificate : .hostnameMismatch }
        /// Words the message must hold.
        var phrase: String { self == .untrustedCA ? "is not trusted" : "does not name that host" }

        /// The server's certificate and the client's trust roots.
        func setup(_ certificates: TLSTestCertificates) -> (certificate: [UInt8], trusted: [UInt8]) {
            switch self {
            case .untrustedCA: (certificates.loopbackCertificatePEM, certificates.otherCAPEM)
            case .otherName: (certificates.otherNameCertificatePEM, certificates.caPEM)
            }
        }
    }

    @Test(
        "an untrusted CA fails as untrustedCertificate, a trusted certificate for another name as hostnameMismatch, each naming the problem",
        arguments: RefusedCertificate.allCases)
    func refusedCertificate(_ refused: RefusedCertificate) async throws {
        let (certificate, trusted) = refused.setup(try await TLSTestCertificates.shared.value)
        try await Self.withHTTPS(certificate: certificate) { port in
            let client = HTTPClient.https(host: "127.0.0.1", port: port, trustRoots: .pem(trusted))
            defer { client.close() }
            let error = await Self.failure(of: client)
            #expect(error?.kind == refused.kind, "\(String(describing: error))")
            #expect(error?.description.contains(refused.phrase) == true, "\(String(describing: error))")
            #expect(error?.description.contains("127.0.0.1:\(port)") == true, "\(String(describing: error))")
        }
    }

    /// Runs `body` with an HTTPS client of a loopback server that accepts connections and never answers.
    static func withSilentServer(_ body: (HTTPClient) async throws -> Void) async throws {
        let listener = try LoopbackListener()
        let client = HTTPClient.https(host: "127.0.0.1", port: listener.port, trustRoots: .system)
        defer { client.close() }
        try await body(client)
        withExtendedLifetime(listener) {}
    }

    @Test("a server that accepts but never answers the handshake times out")
    func silentServer() async throws {
        try await Self.withSilentServer { client in
            let start = ContinuousClock.now
            let error = await Self.failure(of: client, timeout: .milliseconds(300))
            #expect(error?.kind == .timedOut, "\(String(describing: error))")
            #expect(ContinuousClock.now - start < .seconds(5))
        }
    }

    @Test("cancelling the task interrupts a TLS handshake in progress")
    func cancelledHandshake() async throws {
        try await Self.withSilentServer { client in
            let request = Task { try await client.send(method: "GET", path: "/", timeout: nil) }
            try await Task.sleep(for: .milliseconds(200))
            request.cancel()
            await #expect(throws: CancellationError.self) { _ = try await request.value }
        }
    }
}

/// The parts that need no server.
struct HTTPSClientSetupTests {
    @Test("an https request on a client without TLS fails with tlsUnavailable, saying what to do")
    func noTLS() async {
        let client = HTTPClient(host: "127.0.0.1", port: 1, scheme: .https)
        let error = await HTTPSClientTests.failure(of: client)
        #expect(error?.kind == .tlsUnavailable)
        #expect(error?.description.contains("SkillGateHTTPS") == true)
    }

    @Test("unreadable trust roots fail as tlsSetupFailed before anything connects, naming the file")
    func unreadableRoots() async {
        let client = HTTPClient.https(host: "127.0.0.1", port: 1, trustRoots: .file("/nonexistent/skillgate-ca.pem"))
        let error = await HTTPSClientTests.failure(of: client)
        #expect(error?.kind == .tlsSetupFailed, "\(String(describing: error))")
        #expect(error?.description.contains("/nonexistent/skillgate-ca.pem") == true)
    }
}

import Foundation
import SkillGate
import SkillGateEndpoint
import SkillGateHTTP
import SkillGateCrypto
import SkillGateTestSupport
import SkillGateVerification
import Synchronization

/// A skill endpoint on a real loopback socket, with verification over the test certificates.
final class EndpointHarness: Sendable {
    static let skillID = "amzn1.ask.skill.endpoint-test"
    static let goodCertURL = "https://s3.amazonaws.com/echo.api/echo-api-cert.pem"

    let server: HTTPServer
    let client: HTTPClient
    let fixture: AlexaCertificateFixture
    private let counter: HandlerCounter

    /// How many requests reached the skill's handler.
    var handlerRuns: Int { counter.value }

    /// - Parameters:
    ///   - chain: the PEM chain every certificate download returns.
    ///   - verify: whether signature verification is on.
    init(chain: KeyPath<AlexaCertificateFixture, [UInt8]> = \.chainPEM, verify: Bool = true) async throws {
        let fixture = try await AlexaCertificateFixture.shared.value
        let counter = HandlerCounter()
        self.fixture = fixture
        self.counter = counter
        let routes: [Route] = [
            Intent("PingIntent", linking: .public) { _, _ in
                counter.increment()
                return .tell("pong")
            }.route
        ]
        let runner = try SkillRunner(
            configuration: SkillConfiguration(name: "Endpoint Test", applicationID: Self.skillID), routes: routes,
            options: RunnerOptions(checksTimestamp: true), logger: .disabled)
        let verifier =
            verify
            ? AlexaRequestVerifier(
                trustRoots: .pem(fixture.rootPEM), certificateFetcher: StaticFetcher(pem: fixture[keyPath: chain]), logger: .disabled)
            : nil
        let endpoint = SkillEndpoint(runner: runner, path: "/alexa", verifier: verifier, logger: .disabled)
        server = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, accessLog: false, eventBackend: .fromTestEnvironment),
            responder: endpoint, logger: .disabled)
        let port = try server.start()
        client = HTTPClient(host: "127.0.0.1", port: port)
    }

    /// POSTs a body with the given verification headers.
    func post(_ body: [UInt8], certURL: String? = goodCertURL, signature: String?, path: String = "/alexa") async throws
        -> HTTPClientResponse
    {
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        if let certURL { headers.add(name: "SignatureCertChainUrl", value: certURL) }
        if let signature { headers.add(name: "Signature-256", value: signature) }
        return try await client.send(method: "POST", path: path, headers: headers, body: body, timeout: .seconds(10))
    }

    /// Sends any request.
    func send(_ method: String, _ path: String) async throws -> HTTPClientResponse {
        try await client.send(method: method, path: path, timeout: .seconds(10))
    }

    /// Signs a body with the test signing key.
    func sign(_ body: [UInt8]) throws -> String {
        try RequestSigner(privateKeyPEM: fixture.leafKeyPEM).signature256(for: body)
    }

    func stop() async {
        client.close()
        await server.shutdown()
    }
}

/// Counts handler runs across tasks.
final class HandlerCounter: Sendable {
    private let count = Mutex(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}

/// Answers every certificate download with one chain.
struct StaticFetcher: CertificateFetcher {
    let pem: [UInt8]
    func fetchPEM(from url: URL) async throws -> [UInt8] { pem }
}

import Foundation
import SkillGateModel
import SkillGateSystem
import SkillGateTesting
import SkillGateCrypto
import SkillGateTestSupport
import SkillGateVerification
import Testing

/// nginx terminates TLS with a self-signed certificate and proxies to `ride-hailer serve`, as a
/// skill author deploys it. Skipped when nginx, curl or openssl is not installed (`.ci/run`
/// installs them).
@Suite(
    .serialized,
    .enabled(
        if: ["nginx", "curl", "openssl"].allSatisfy { ChildProcess.which($0) != nil },
        "needs nginx, curl and openssl (apt-get install -y nginx curl openssl)"))
struct NginxProxyTests {
    static func tool(_ name: String) -> String? { ChildProcess.which(name) }

    @Test("a signed request through nginx (TLS) reaches the skill with verification on and gets the right answer")
    func throughNginx() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skillgate-nginx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixture = try await AlexaCertificateFixture.shared.value
        try Data(fixture.rootPEM).write(to: folder.appendingPathComponent("alexa-root.pem"))
        try Data(fixture.chainPEM).write(to: folder.appendingPathComponent("alexa-chain.pem"))

        let skill = try await SkillServerProcess.start(
            Products.path("ride-hailer"),
            environment: [
                "SKILLGATE_TRUST_ROOTS": folder.appendingPathComponent("alexa-root.pem").path,
                "SKILLGATE_CERT_CHAIN": folder.appendingPathComponent("alexa-chain.pem").path,
            ])
        let skillProcess = skill.process.processIdentifier
        defer { if skill.process.isRunning { kill(skillProcess, SIGKILL) } }

        let openssl = try #require(Self.tool("openssl"))
        let made = try await ChildProcess.run(
            openssl,
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", folder.appendingPathComponent("tls.key").path,
                "-out", folder.appendingPathComponent("tls.pem").path, "-days", "1", "-subj", "/CN=localhost",
            ])
        #expect(made.status == 0, "openssl: \(made.stderr)")

        let port = try FreePort.find()
        let nginx = try NginxInstance.start(
            in: folder,
            http: """
                    server {
                        listen 127.0.0.1:\(port) ssl;
                        ssl_certificate \(folder.path)/tls.pem;
                        ssl_certificate_key \(folder.path)/tls.key;
                        location / {
                            proxy_pass http://127.0.0.1:\(skill.port);
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                        }
                    }
                """)
        defer { nginx.terminate() }

        let body = TestRequest.intent("RideHailerAvailabilityByCity", slots: ["city": "Dallas"], skillID: "amzn1.ask.skill.ride-hailer")
            .bytes
        try Data(body).write(to: folder.appendingPathComponent("request.json"))
        let signature = try RequestSigner(privateKeyPEM: fixture.leafKeyPEM).signature256(for: body)
        let curl = try #require(Self.tool("curl"))
        var attempt: ChildProcess.Output?
        for _ in 0..<100 {
            let output = try await ChildProcess.run(
                curl,
                [
                    "-sk", "--max-time", "10", "-X", "POST", "https://127.0.0.1:\(port)/", "-H", "Content-Type: application/json",
                    "-H", "SignatureCertChainUrl: https://s3.amazonaws.com/echo.api/echo-api-cert.pem", "-H", "Signature-256: \(signature)",
                    "--data-binary", "@" + folder.appendingPathComponent("request.json").path,
                ])
            attempt = output
            if output.status == 0 && !output.stdout.isEmpty { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let output = try #require(attempt)
        #expect(output.status == 0, "curl: \(output.stderr)")
        let response = try JSONParser.parse(Array(output.stdout.utf8))
        #expect(
            response["response"]?["outputSpeech"]?["text"]
                == "Ride Hailer offers a full range of services in Dallas: economy, premium and shared rides.")

        let unsigned = try await ChildProcess.run(
            curl,
            [
                "-sk", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", "https://127.0.0.1:\(port)/", "--data-binary",
                "@" + folder.appendingPathComponent("request.json").path,
            ])
        #expect(unsigned.stdout == "400")
        #expect(await skill.stop() == 0)
    }
}

/// Finds a free loopback TCP port by binding port 0.
enum FreePort {
    static func find() throws -> Int {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw ChildProcess.Failure(description: "socket() failed") }
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw ChildProcess.Failure(description: "bind() failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

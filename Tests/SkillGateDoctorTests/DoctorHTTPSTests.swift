import Foundation
import SkillGateDoctor
import SkillGateTestSupport
import Testing
import SkillGateLogging

/// The doctor's HTTPS path against the fake token endpoint behind a TLS proxy, with certificates from a
/// throw-away CA that only `--ca-file` makes trusted.
@Suite(.enabled(if: TLSProxy.isAvailable, "needs python3 and openssl for a loopback TLS server"))
struct DoctorHTTPSTests {
    /// Writes the test CA to a temporary file, runs `body` with its path, and removes it.
    static func withCAFile<T>(_ pem: [UInt8], _ body: (String) async throws -> T) async throws -> T {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("skillgate-doctor-ca-\(UUID().uuidString).pem")
        try Data(pem).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try await body(file.path)
    }

    /// Runs `body` with the fake token server behind a TLS proxy presenting the test certificate for
    /// 127.0.0.1, given the proxy's port and the certificates.
    static func withHTTPSFake(_ body: (FakeServer, Int, TLSTestCertificates) async throws -> Void) async throws {
        let certificates = try await TLSTestCertificates.shared.value
        try await FakeServer.with { fake in
            let proxy = try TLSProxy(
                certificate: certificates.loopbackCertificatePEM, key: certificates.serverKeyPEM, backendPort: fake.port)
            try await body(fake, proxy.port, certificates)
            withExtendedLifetime(proxy) {}
        }
    }

    /// Options for the fake behind the proxy, over HTTPS.
    static func httpsOptions(_ fake: FakeServer, proxyPort: Int, caFile: String?) throws -> DoctorOptions {
        var options = fake.codeOptions()
        options.tokenURL = try #require(URL(string: "https://127.0.0.1:\(proxyPort)/token"))
        options.probeURL = URL(string: "https://127.0.0.1:\(proxyPort)/userinfo")
        options.caFile = caFile
        return options
    }

    @Test("with --ca-file naming the test CA, every check passes over HTTPS")
    func trustedPrivateCA() async throws {
        try await Self.withHTTPSFake { fake, proxyPort, certificates in
            try await Self.withCAFile(certificates.caPEM) { caFile in
                let report = await FakeServer.run(try Self.httpsOptions(fake, proxyPort: proxyPort, caFile: caFile))
                #expect(report.ids(.fail).isEmpty, "\(report.dump)")
                #expect(report.ids(.error).isEmpty, "\(report.dump)")
                for id: CheckID in [.codeExchange, .refresh, .refreshTokenReuse, .oldAccessToken, .invalidGrant, .invalidClient] {
                    #expect(report[id]?.verdict == .pass, "\(id.rawValue): \(report[id]?.reason ?? "missing")")
                }
                #expect(report[.tokenURLHTTPS]?.verdict == .warn, "HTTPS on a port other than 443")
                #expect(!report.hasFailures)
            }
            #expect(fake.endpoint.tokenRequests == 6)
        }
    }

    @Test("without --ca-file the same server is a network ERROR naming TLS trust")
    func systemRootsRefuseTheTestCA() async throws {
        try await Self.withHTTPSFake { fake, proxyPort, _ in
            let report = await FakeServer.run(try Self.httpsOptions(fake, proxyPort: proxyPort, caFile: nil))
            #expect(report[.codeExchange]?.verdict == .error, "\(report.dump)")
            #expect(report[.codeExchange]?.reason.contains("TLS certificate is not trusted") == true, "\(report.dump)")
            // The token checks are not verdicts; the TLS checks are: the certificate's issuer is no trusted root, and
            // it sent no intermediate, so the chain check says which.
            #expect(report.ids(.fail) == [.tlsChain], "\(report.dump)")
        }
    }
}

/// `--ca-file` on the command line, and a CA file that cannot be read.
struct DoctorCAFileTests {
    @Test("--ca-file is parsed into the options")
    func parsed() throws {
        let options = try Doctor.parseArguments([
            "--token-url", "https://auth.example.com/token", "--client-id", "id", "--client-secret", "s",
            "--refresh-token", "r", "--ca-file", "/etc/private-ca.pem",
        ])
        #expect(options.caFile == "/etc/private-ca.pem")
        #expect(
            try Doctor.parseArguments(["--token-url=https://a.example/t", "--client-id=i", "--client-secret=s", "--refresh-token=r"]).caFile
                == nil)
    }

    @Test("an unreadable --ca-file is a network ERROR naming the file, not a verdict on the server")
    func unreadable() async throws {
        let options = DoctorOptions(
            tokenURL: try #require(URL(string: "https://127.0.0.1:1/token")), clientID: "client", clientSecret: "secret-value",
            grant: .refreshToken("refresh-token-value"), caFile: "/nonexistent/skillgate-ca.pem")
        let report = await Doctor(options: options, logger: .disabled).run()
        #expect(report[.refresh]?.verdict == .error, "\(report.dump)")
        #expect(report[.refresh]?.reason.contains("/nonexistent/skillgate-ca.pem") == true, "\(report.dump)")
        #expect(report.ids(.fail).isEmpty, "\(report.dump)")
    }
}

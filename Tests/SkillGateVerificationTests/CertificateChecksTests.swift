import SkillGateTestSupport
import Foundation
import SkillGateVerification
import Testing
import SkillGateCrypto

@Suite(.enabled(if: AlexaCertificateFixture.isAvailable, "needs the openssl command line to make test certificates"))
struct CertificateChecksTests {
    @Test("an expired signing certificate is refused")
    func expired() async throws {
        let harness = try await VerifierHarness()
        #expect(try await harness.failure(chain: "expired.pem") == .certificateExpired)
    }

    @Test("a signing certificate that is not valid yet is refused")
    func notYetValid() async throws {
        let harness = try await VerifierHarness()
        #expect(try await harness.failure(chain: "not-yet-valid.pem") == .certificateNotYetValid)
    }

    @Test("the injected clock decides validity: a day before issue, the good chain is not valid yet")
    func injectedClockBeforeIssue() async throws {
        let fixture = try await AlexaCertificateFixture.shared.value
        let harness = try await VerifierHarness(clock: TestClock(fixture.generatedAt.addingTimeInterval(-86_400)))
        #expect(try await harness.failure(chain: "echo-api-cert.pem") == .certificateNotYetValid)
    }

    @Test("the injected clock decides validity: past notAfter, the good chain has expired")
    func injectedClockAfterExpiry() async throws {
        let fixture = try await AlexaCertificateFixture.shared.value
        let later = fixture.generatedAt.addingTimeInterval(Double(AlexaCertificateFixture.leafDays + 1) * 86_400)
        let harness = try await VerifierHarness(clock: TestClock(later))
        #expect(try await harness.failure(chain: "echo-api-cert.pem") == .certificateExpired)
    }

    @Test("a signing certificate without echo-api.amazon.com in its SAN is refused, and the reason lists its names")
    func wrongSAN() async throws {
        let harness = try await VerifierHarness()
        let signature = try harness.sign([])
        let error = await #expect(throws: VerificationError.self) {
            try await harness.verifier.verify(
                body: [], signatureCertChainURL: FakeCertificateFetcher.base + "wrong-san.pem", signature256: signature
            )
        }
        #expect(error?.code == .missingAlexaSubjectAlternativeName)
        #expect(error?.reason.contains("('echo-api.amazon.com.evil.example', 'example.com')") == true)
    }

    @Test("a chain from an untrusted root is refused even though the SAN and signature are right")
    func untrustedRoot() async throws {
        let harness = try await VerifierHarness()
        #expect(try await harness.failure(chain: "rogue.pem") == .untrustedCertificateChain)
    }

    @Test("a signing certificate without its intermediate does not reach the root")
    func missingIntermediate() async throws {
        let harness = try await VerifierHarness()
        #expect(try await harness.failure(chain: "leaf-only.pem") == .untrustedCertificateChain)
    }

    @Test("the system trust store does not trust the test root")
    func systemRootsRejectTestRoot() async throws {
        let harness = try await VerifierHarness(trustRoots: .system)
        #expect(try await harness.failure(chain: "echo-api-cert.pem") == .untrustedCertificateChain)
    }

    @Test("trust roots can be read from a file")
    func trustRootsFromFile() async throws {
        let fixture = try await AlexaCertificateFixture.shared.value
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("skillgate-root-\(UUID().uuidString).pem")
        try Data(fixture.rootPEM).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let harness = try await VerifierHarness(trustRoots: .file(path.path))
        #expect(try await harness.failure(chain: "echo-api-cert.pem") == nil)
    }

    @Test("unreadable trust roots make every verification fail with a reason naming the file")
    func missingTrustRootsFile() async throws {
        let harness = try await VerifierHarness(trustRoots: .file("/nonexistent/skillgate-roots.pem"))
        let signature = try harness.sign([])
        let error = await #expect(throws: VerificationError.self) {
            try await harness.verifier.verify(body: [], signatureCertChainURL: VerifierHarness.goodURL, signature256: signature)
        }
        #expect(error?.code == .untrustedCertificateChain)
        #expect(error?.reason.contains("/nonexistent/skillgate-roots.pem") == true)
    }

    @Test("trust roots that are not PEM make every verification fail")
    func garbageTrustRoots() async throws {
        let harness = try await VerifierHarness(trustRoots: .pem(Array("hello".utf8)))
        #expect(try await harness.failure(chain: "echo-api-cert.pem") == .untrustedCertificateChain)
    }

    @Test("downloads that are not a PEM certificate chain are malformed", arguments: ["garbage.pem", "not-pem.pem", "empty.pem"])
    func malformedChain(_ file: String) async throws {
        let harness = try await VerifierHarness()
        #expect(try await harness.failure(chain: file) == .malformedCertificate)
    }

    @Test("a fetcher failure is certificateDownloadFailed")
    func downloadFailure() async throws {
        let harness = try await VerifierHarness()
        #expect(try await harness.failure(chain: "missing.pem") == .certificateDownloadFailed)
        #expect(harness.fetcher.totalCalls == 1)
    }

    @Test("a rejected chain is not cached as a certificate; its failure is remembered briefly, without a new download")
    func rejectedChainNotCached() async throws {
        let harness = try await VerifierHarness()
        #expect(try await harness.failure(chain: "rogue.pem") == .untrustedCertificateChain)
        #expect(try await harness.failure(chain: "rogue.pem") == .untrustedCertificateChain)
        #expect(harness.fetcher.totalCalls == 1)
        #expect(harness.verifier.cachedCertificateCount == 0)
    }
}

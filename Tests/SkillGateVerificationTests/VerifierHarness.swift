import SkillGateTestSupport
import Foundation
import SkillGateLogging
import SkillGateCrypto
import SkillGateVerification

/// Builds verifiers over the fixture with the test root trusted.
struct VerifierHarness {
    let fixture: AlexaCertificateFixture
    let fetcher: FakeCertificateFetcher
    let clock: TestClock
    let verifier: AlexaRequestVerifier

    /// The URL of the good chain.
    static let goodURL = FakeCertificateFetcher.base + "echo-api-cert.pem"

    init(trustRoots: TrustRoots? = nil, clock: TestClock = TestClock()) async throws {
        let fixture = try await AlexaCertificateFixture.shared.value
        self.fixture = fixture
        self.clock = clock
        fetcher = FakeCertificateFetcher([
            "echo-api-cert.pem": fixture.chainPEM,
            "leaf-only.pem": fixture.leafOnlyPEM,
            "expired.pem": fixture.expiredChainPEM,
            "not-yet-valid.pem": fixture.notYetValidChainPEM,
            "wrong-san.pem": fixture.wrongSANChainPEM,
            "rogue.pem": fixture.rogueChainPEM,
            "garbage.pem": Array("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n".utf8),
            "not-pem.pem": Array("<Error><Code>AccessDenied</Code></Error>".utf8),
            "empty.pem": [],
        ])
        verifier = AlexaRequestVerifier(
            trustRoots: trustRoots ?? .pem(fixture.rootPEM),
            certificateFetcher: fetcher,
            now: { [clock] in clock.now },
            logger: .disabled
        )
    }

    /// Signs with the fixture's signing key.
    func sign(_ body: [UInt8]) throws -> String {
        try RequestSigner(privateKeyPEM: fixture.leafKeyPEM).signature256(for: body)
    }

    /// Verifies `body` (by default the one the openssl command line signed) as fetched from the good
    /// chain URL, with `signature` as its Signature-256 header (nil: no header).
    func verify(signature: String?, body: [UInt8]? = nil) async throws(VerificationError) {
        try await verifier.verify(body: body ?? fixture.signedBody, signatureCertChainURL: Self.goodURL, signature256: signature)
    }

    /// Verifies `body` signed correctly but fetched from `file`, returning the error code if any.
    func failure(chain file: String, body: [UInt8] = Array("{}".utf8)) async throws -> VerificationError.Code? {
        let signature = try sign(body)
        do {
            try await verifier.verify(body: body, signatureCertChainURL: FakeCertificateFetcher.base + file, signature256: signature)
            return nil
        } catch {
            return error.code
        }
    }
}

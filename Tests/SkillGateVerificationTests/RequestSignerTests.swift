import SkillGateTestSupport
import Foundation
import SkillGateCrypto
import SkillGateVerification
import Testing

@Suite(.enabled(if: AlexaCertificateFixture.isAvailable, "needs the openssl command line to make test keys"))
struct RequestSignerTests {
    @Test("RequestSigner's signature verifies with the matching certificate chain")
    func signatureVerifies() async throws {
        let harness = try await VerifierHarness()
        let body = Array(#"{"request":{"type":"IntentRequest"}}"#.utf8)
        let signature = try RequestSigner(privateKeyPEM: harness.fixture.leafKeyPEM).signature256(for: body)
        try await harness.verifier.verify(body: body, signatureCertChainURL: VerifierHarness.goodURL, signature256: signature)
    }

    @Test("RequestSigner signs exactly as `openssl dgst -sha256 -sign` does")
    func matchesCommandLine() async throws {
        let fixture = try await AlexaCertificateFixture.shared.value
        let signer = try RequestSigner(privateKeyPEM: fixture.leafKeyPEM)
        #expect(try signer.signature256(for: fixture.signedBody) == fixture.signedBodySignature)
    }

    @Test("a traditional BEGIN RSA PRIVATE KEY works too")
    func traditionalKey() async throws {
        let fixture = try await AlexaCertificateFixture.shared.value
        let signer = try RequestSigner(privateKeyPEM: fixture.leafKeyTraditionalPEM)
        #expect(try signer.signature256(for: fixture.signedBody) == fixture.signedBodySignature)
    }

    @Test("an encrypted key is refused without prompting for a passphrase")
    func encryptedKey() async throws {
        let fixture = try await AlexaCertificateFixture.shared.value
        let error = #expect(throws: RequestSigningError.self) { try RequestSigner(privateKeyPEM: fixture.leafKeyEncryptedPEM) }
        #expect(error?.reason.contains("unencrypted") == true)
    }

    @Test("a key that is not RSA is refused")
    func ecKey() async throws {
        let fixture = try await AlexaCertificateFixture.shared.value
        let error = #expect(throws: RequestSigningError.self) { try RequestSigner(privateKeyPEM: fixture.ecKeyPEM) }
        #expect(error?.reason.contains("RSA") == true)
    }

    @Test("bytes that are not a PEM key are refused", arguments: [[], Array("hello".utf8)] as [[UInt8]])
    func notAKey(_ bytes: [UInt8]) {
        #expect(throws: RequestSigningError.self) { try RequestSigner(privateKeyPEM: bytes) }
    }
}

import Foundation
import SkillGateLogging
import SkillGateTesting
import SkillGateCrypto
import SkillGateTestSupport
import SkillGateVerification

/// The cost of Alexa request verification per request with the certificate chain cached, over
/// throw-away certificates made with the `openssl` command (a real RSA-2048 chain, as Amazon's).
enum VerifyBenchmark {
    struct ChainFetcher: CertificateFetcher {
        let pem: [UInt8]
        func fetchPEM(from url: URL) async throws -> [UInt8] { pem }
    }

    static func run(iterations: Int) async -> Int32 {
        do {
            let fixture = try await AlexaCertificateFixture.shared.value
            let verifier = AlexaRequestVerifier(
                trustRoots: .pem(fixture.rootPEM), certificateFetcher: ChainFetcher(pem: fixture.chainPEM), logger: .disabled)
            let body = TestRequestBody.linkedOrder
            let signature = try RequestSigner(privateKeyPEM: fixture.leafKeyPEM).signature256(for: body)
            let url = "https://s3.amazonaws.com/echo.api/echo-api-cert.pem"
            try await verifier.verify(body: body, signatureCertChainURL: url, signature256: signature)
            var samples: [Double] = []
            let clock = ContinuousClock()
            for _ in 0..<max(1, iterations / 10) {
                let elapsed = try await clock.measure {
                    for _ in 0..<10 { try await verifier.verify(body: body, signatureCertChainURL: url, signature256: signature) }
                }
                samples.append(InProcessBenchmark.microseconds(elapsed) / 10)
            }
            samples.sort()
            print("Alexa request verification, certificate chain cached (RSA-2048, SHA-256, \(body.count) B body):")
            print(
                "  median \(InProcessBenchmark.format(samples[samples.count / 2])) µs, p90 \(InProcessBenchmark.format(samples[samples.count * 9 / 10])) µs per request"
            )
            return 0
        } catch {
            print("verification benchmark failed: \(error)")
            return 1
        }
    }
}

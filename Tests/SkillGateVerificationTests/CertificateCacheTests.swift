import SkillGateTestSupport
import Foundation
import SkillGateVerification
import Testing

@Suite(.enabled(if: AlexaCertificateFixture.isAvailable, "needs the openssl command line to make test certificates"))
struct CertificateCacheTests {
    @Test("a second request with the same chain URL does not download it again")
    func secondRequestUsesCache() async throws {
        let harness = try await VerifierHarness()
        #expect(try await harness.failure(chain: "echo-api-cert.pem") == nil)
        #expect(try await harness.failure(chain: "echo-api-cert.pem", body: Array("other".utf8)) == nil)
        #expect(harness.fetcher.totalCalls == 1)
        #expect(harness.verifier.cachedCertificateCount == 1)
    }

    @Test("URLs that normalise to the same URL share one cache entry")
    func normalisedURLsShareEntry() async throws {
        let harness = try await VerifierHarness()
        let body = harness.fixture.signedBody
        let signature = harness.fixture.signedBodySignature
        for url in [
            "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
            "HTTPS://S3.AMAZONAWS.COM:443/echo.api/echo-api-cert.pem",
            "https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem",
        ] {
            try await harness.verifier.verify(body: body, signatureCertChainURL: url, signature256: signature)
        }
        #expect(harness.fetcher.fetchedURLs == [VerifierHarness.goodURL])
        #expect(harness.fetcher.totalCalls == 1)
    }

    @Test("a cached chain is used while in date; past notAfter it is dropped, downloaded again, and refused as expired")
    func expiredEntryIsRefetched() async throws {
        let (harness, clock, fixture) = try await Self.cachedAMinuteIn()
        clock.set(fixture.generatedAt.addingTimeInterval(Double(AlexaCertificateFixture.leafDays - 1) * 86_400))
        #expect(try await harness.failure(chain: "echo-api-cert.pem") == nil)
        #expect(harness.fetcher.totalCalls == 1)

        clock.set(fixture.generatedAt.addingTimeInterval(Double(AlexaCertificateFixture.leafDays + 1) * 86_400))
        #expect(try await harness.failure(chain: "echo-api-cert.pem") == .certificateExpired)
        #expect(harness.fetcher.totalCalls == 2)
        #expect(harness.verifier.cachedCertificateCount == 0)
    }

    @Test("a clock moved back before notBefore does not use the cached chain")
    func clockBeforeNotBefore() async throws {
        let (harness, clock, fixture) = try await Self.cachedAMinuteIn()
        clock.set(fixture.generatedAt.addingTimeInterval(-86_400))
        #expect(try await harness.failure(chain: "echo-api-cert.pem") == .certificateNotYetValid)
        #expect(harness.fetcher.totalCalls == 2)
    }

    /// A harness whose clock reads a minute after the fixture was made, with the good chain
    /// downloaded, verified and cached.
    static func cachedAMinuteIn() async throws -> (VerifierHarness, TestClock, AlexaCertificateFixture) {
        let fixture = try await AlexaCertificateFixture.shared.value
        let clock = TestClock(fixture.generatedAt.addingTimeInterval(60))
        let harness = try await VerifierHarness(clock: clock)
        #expect(try await harness.failure(chain: "echo-api-cert.pem") == nil)
        return (harness, clock, fixture)
    }
}

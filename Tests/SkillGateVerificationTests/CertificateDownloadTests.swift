import Foundation
import SkillGateCrypto
import SkillGateTestSupport
import SkillGateVerification
import Testing
import SkillGateLogging

/// Certificate downloads under stalled and abusive traffic: one download per URL, a cap on
/// downloads, remembered failures, bounded waits, and downloads that never hold a thread serving
/// requests.
@Suite(.enabled(if: AlexaCertificateFixture.isAvailable, "needs the openssl command line to make test certificates"))
struct CertificateDownloadTests {
    /// Base64 of 256 bytes: the shape of an Alexa signature, verifying nothing.
    static let junkSignature = Data(repeating: 7, count: 256).base64EncodedString()

    static func url(_ name: String) -> String { FakeCertificateFetcher.base + name }

    static func verifier(
        _ fetcher: any CertificateFetcher, limits: CertificateDownloadLimits, fixture: AlexaCertificateFixture
    ) -> AlexaRequestVerifier {
        AlexaRequestVerifier(trustRoots: .pem(fixture.rootPEM), certificateFetcher: fetcher, downloadLimits: limits, logger: .disabled)
    }

    /// The error `verify` throws for `url`, or nil when it passes.
    static func failure(_ verifier: AlexaRequestVerifier, url: String, body: [UInt8] = [], signature: String = junkSignature) async
        -> VerificationError?
    {
        do {
            try await verifier.verify(body: body, signatureCertChainURL: url, signature256: signature)
            return nil
        } catch {
            return error
        }
    }

    @Test("200 concurrent cold requests for one URL cause one download", .timeLimit(.minutes(2)))
    func singleFlight() async throws {
        let fixture = try await AlexaCertificateFixture.shared.value
        let fetcher = GatedFetcher(pem: fixture.chainPEM)
        let verifier = Self.verifier(fetcher, limits: CertificateDownloadLimits(timeout: .seconds(90)), fixture: fixture)
        let failures = await withTaskGroup(of: VerificationError?.self) { group in
            for _ in 0..<200 {
                group.addTask {
                    await Self.failure(
                        verifier, url: Self.url("echo-api-cert.pem"), body: fixture.signedBody, signature: fixture.signedBodySignature)
                }
            }
            group.addTask {
                _ = await eventually(within: 60) { fetcher.calls > 0 }
                try? await Task.sleep(for: .milliseconds(300))  // let the other requests join
                fetcher.open()
                return nil
            }
            return await group.reduce(into: [VerificationError]()) { if let error = $1 { $0.append(error) } }
        }
        #expect(failures.isEmpty, "\(failures.prefix(3))")
        #expect(fetcher.calls == 1)
    }

    @Test("the query and fragment are not part of the URL: 20 spellings are one download of the bare URL")
    func queryDoesNotMakeNewKeys() async throws {
        let fixture = try await AlexaCertificateFixture.shared.value
        let fetcher = FakeCertificateFetcher(["echo-api-cert.pem": fixture.chainPEM])
        let verifier = Self.verifier(fetcher, limits: CertificateDownloadLimits(), fixture: fixture)
        for index in 0..<20 {
            let url = Self.url("echo-api-cert.pem") + (index.isMultiple(of: 2) ? "?x=\(index)" : "#part\(index)")
            let error = await Self.failure(verifier, url: url, body: fixture.signedBody, signature: fixture.signedBodySignature)
            #expect(error == nil, "\(url): \(String(describing: error))")
        }
        #expect(fetcher.fetchedURLs == [Self.url("echo-api-cert.pem")])
        #expect(fetcher.totalCalls == 1)
        #expect(verifier.cachedCertificateCount == 1)
    }

    @Test("downloads are capped: stuck ones keep their place, a few URLs wait, the rest fail at once with 503", .timeLimit(.minutes(2)))
    func concurrentDownloadsAreCapped() async throws {
        let fixture = try await AlexaCertificateFixture.shared.value
        let fetcher = StuckFetcher()
        defer { fetcher.release() }
        let limits = CertificateDownloadLimits(timeout: .seconds(2), maximumConcurrentDownloads: 4, maximumWaitingDownloads: 8)
        let verifier = Self.verifier(fetcher, limits: limits, fixture: fixture)
        let errors = await withTaskGroup(of: VerificationError?.self) { group in
            for index in 0..<30 {
                group.addTask { await Self.failure(verifier, url: Self.url("cert-\(index).pem")) }
            }
            return await group.reduce(into: [VerificationError?]()) { $0.append($1) }
        }
        let codes = errors.map { $0?.code }
        #expect(codes.count { $0 == .tooManyCertificateDownloads } == 30 - 4 - 8)
        #expect(codes.count { $0 == .certificateDownloadTimedOut } == 4 + 8)
        #expect(errors.allSatisfy { $0?.httpStatus == 503 })
        #expect(fetcher.calls == 4)
        #expect(verifier.runningDownloadCount == 4)
    }

    @Test("a download that never returns fails the request within the limit, and the URL is remembered as failed", .timeLimit(.minutes(2)))
    func stuckDownloadTimesOut() async throws {
        let fixture = try await AlexaCertificateFixture.shared.value
        let fetcher = StuckFetcher()
        defer { fetcher.release() }
        let verifier = Self.verifier(fetcher, limits: CertificateDownloadLimits(timeout: .milliseconds(500)), fixture: fixture)
        let first = await Self.failure(verifier, url: Self.url("stuck.pem"))
        #expect(first?.code == .certificateDownloadTimedOut)
        #expect(first?.isTransient == true)
        #expect(first?.httpStatus == 503)
        #expect(first?.reason.contains("was not obtained within 0.5 s") == true, "\(String(describing: first))")
        let second = await Self.failure(verifier, url: Self.url("stuck.pem"))
        #expect(second?.code == .certificateDownloadTimedOut)
        #expect(second?.reason.contains("Remembered for 30 s") == true, "\(String(describing: second))")
        #expect(fetcher.calls == 1)
    }

    @Test("failed downloads and rejected chains are remembered; a zero duration turns that off")
    func failuresAreRemembered() async throws {
        let harness = try await VerifierHarness()
        for _ in 0..<3 {
            #expect(try await harness.failure(chain: "missing.pem") == .certificateDownloadFailed)
            #expect(try await harness.failure(chain: "wrong-san.pem") == .missingAlexaSubjectAlternativeName)
        }
        #expect(harness.fetcher.totalCalls == 2)

        let fixture = harness.fixture
        let fetcher = FakeCertificateFetcher([:])
        let forgetful = Self.verifier(fetcher, limits: CertificateDownloadLimits(failureCacheDuration: .zero), fixture: fixture)
        for _ in 0..<3 { #expect(await Self.failure(forgetful, url: Self.url("missing.pem"))?.code == .certificateDownloadFailed) }
        #expect(fetcher.totalCalls == 3)
    }

    @Test("a remembered failure is forgotten after its duration")
    func rememberedFailureExpires() async throws {
        let fixture = try await AlexaCertificateFixture.shared.value
        let fetcher = FakeCertificateFetcher([:])
        let verifier = Self.verifier(fetcher, limits: CertificateDownloadLimits(failureCacheDuration: .milliseconds(100)), fixture: fixture)
        #expect(await Self.failure(verifier, url: Self.url("missing.pem"))?.code == .certificateDownloadFailed)
        try await Task.sleep(for: .seconds(1))
        #expect(await Self.failure(verifier, url: Self.url("missing.pem"))?.code == .certificateDownloadFailed)
        #expect(fetcher.totalCalls == 2)
    }

    @Test("shutDown answers every waiting request at once; cached chains keep verifying", .timeLimit(.minutes(2)))
    func shutDownAnswersWaiters() async throws {
        let fixture = try await AlexaCertificateFixture.shared.value
        let fetcher = StuckFetcher(serves: [Self.url("echo-api-cert.pem"): fixture.chainPEM])
        defer { fetcher.release() }
        let verifier = Self.verifier(fetcher, limits: CertificateDownloadLimits(timeout: .seconds(600)), fixture: fixture)
        let good = {
            await Self.failure(
                verifier, url: Self.url("echo-api-cert.pem"), body: fixture.signedBody, signature: fixture.signedBodySignature)
        }
        #expect(await good() == nil)
        let errors = await withTaskGroup(of: VerificationError?.self) { group in
            for index in 0..<10 {
                group.addTask { await Self.failure(verifier, url: Self.url("cert-\(index).pem")) }
            }
            group.addTask {
                _ = await eventually(within: 60) { fetcher.calls == 4 }
                verifier.shutDown()
                return nil
            }
            return await group.reduce(into: [VerificationError]()) { if let error = $1 { $0.append(error) } }
        }
        #expect(errors.count == 10)
        #expect(errors.allSatisfy { $0.code == .shuttingDown && $0.httpStatus == 503 })
        #expect(await Self.failure(verifier, url: Self.url("later.pem"))?.code == .shuttingDown)
        #expect(await good() == nil)
        #expect(fetcher.calls == 4)
    }

    @Test("downloads that block their threads leave Swift's pool free: cached requests still verify", .timeLimit(.minutes(2)))
    func blockedDownloadsDoNotHoldThePool() async throws {
        let fixture = try await AlexaCertificateFixture.shared.value
        let fetcher = StuckFetcher(serves: [Self.url("echo-api-cert.pem"): fixture.chainPEM])
        defer { fetcher.release() }
        let downloads = 3 * ProcessInfo.processInfo.activeProcessorCount + 2
        let limits = CertificateDownloadLimits(timeout: .seconds(600), maximumConcurrentDownloads: downloads)
        let verifier = Self.verifier(fetcher, limits: limits, fixture: fixture)
        let signer = try RequestSigner(privateKeyPEM: fixture.leafKeyPEM)
        let good = { (body: [UInt8]) in
            await Self.failure(verifier, url: Self.url("echo-api-cert.pem"), body: body, signature: try signer.signature256(for: body))
        }
        #expect(try await good([]) == nil)
        let waiting = Task {
            await withTaskGroup(of: Void.self) { group in
                for index in 0..<downloads {
                    group.addTask { _ = await Self.failure(verifier, url: Self.url("cert-\(index).pem")) }
                }
            }
        }
        #expect(await eventually(within: 60) { fetcher.blocked == downloads })
        for index in 0..<20 {
            let error = try await good(Array("{\"n\":\(index)}".utf8))
            #expect(error == nil, "\(String(describing: error))")
        }
        verifier.shutDown()
        await waiting.value
    }

    @Test("a Signature-256 that cannot be an RSA signature is refused before any download", arguments: ["c2lnbmF0dXJl", "AAAA"])
    func signatureShapeBeforeDownload(signature: String) async throws {
        let harness = try await VerifierHarness()
        let error = await Self.failure(harness.verifier, url: VerifierHarness.goodURL, signature: signature)
        #expect(error?.code == .malformedSignature)
        #expect(error?.httpStatus == 400)
        #expect(harness.fetcher.totalCalls == 0)
    }
}

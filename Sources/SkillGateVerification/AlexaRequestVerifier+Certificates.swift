#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import SkillGateLogging
import SkillGateCrypto

extension AlexaRequestVerifier {
    /// The verified signing certificate for a normalised chain URL: from the cache while in date,
    /// otherwise obtained through ``CertificateDownloads`` (one download per URL, bounded in number
    /// and time, failures remembered), verified and cached.
    /// - Parameters:
    ///   - key: the normalised URL text from ``CertificateChainURL/normalise(_:)``; the cache key.
    ///   - header: the raw header value `key` came from, remembered to skip parsing next time.
    ///   - date: the request's time from the verifier's clock.
    /// - Throws: ``VerificationError`` when the certificate cannot be obtained in time (transient)
    ///   or any certificate check fails.
    func signingCertificate(for key: String, header: String, at date: Date) async throws(VerificationError) -> SigningCertificate {
        if let cached = cache.certificate(for: key, header: header, at: date) {
            return cached
        }
        let store = try trustStore.get()
        guard let url = URL(string: key) else {
            throw VerificationError(
                .invalidSignatureCertChainURL,
                "The SignatureCertChainUrl normalises to \(VerificationError.quoted(key)), which cannot be built as a URL.")
        }
        let outcome = await downloads.certificate(for: key) { [self] in
            await download(url, key: key, header: header, trustStore: store)
        }
        return try outcome.get()
    }

    /// Downloads, checks and caches one chain; runs on the download's own thread.
    private func download(_ url: URL, key: String, header: String, trustStore store: TrustStore) async -> CertificateOutcome {
        logger.debug("Downloading the Alexa signing certificate chain", metadata: ["url": key])
        let pem: [UInt8]
        do {
            pem = try await certificateFetcher.fetchPEM(from: url)
        } catch {
            logger.warning("Could not download the Alexa signing certificate chain", metadata: ["url": key, "error": "\(error)"])
            let transient = (error as? CertificateFetchError)?.isTransient ?? false
            return .failure(
                VerificationError(
                    transient ? .certificateUnavailable : .certificateDownloadFailed,
                    "The signing certificate chain at \(key) could not be downloaded (\(error)); check that this server can reach \(CertificateChainURL.host) over HTTPS."
                ))
        }
        let verifiedAt = now()
        let certificate: SigningCertificate
        do throws(VerificationError) {
            certificate = try SigningCertificate(pem: pem, source: key, trustStore: store, at: verifiedAt)
        } catch {
            logger.warning("Rejected a signing certificate chain", metadata: ["url": key, "code": error.code.description])
            return .failure(error)
        }
        cache.store(certificate, for: key, header: header, at: verifiedAt)
        logger.info(
            "Cached the Alexa signing certificate",
            metadata: ["url": key, "subject": certificate.subject, "validUntil": certificate.validity.upperBound.formatted(.iso8601)]
        )
        return .success(certificate)
    }

    /// How many verified chains are cached (for diagnostics and tests).
    public var cachedCertificateCount: Int { cache.count }

    /// How many certificate downloads have not returned yet, stuck ones included (for diagnostics
    /// and tests); at most ``CertificateDownloadLimits/maximumConcurrentDownloads``.
    public var runningDownloadCount: Int { downloads.runningCount }
}

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import SkillGateLogging

extension AlexaRequestVerifier {
    /// The verified signing certificate for a normalised chain URL: from the cache while in date,
    /// otherwise downloaded, verified and cached. Concurrent first requests may both download.
    /// - Parameters:
    ///   - key: the normalised URL text from ``CertificateChainURL/normalise(_:)``; the cache key.
    ///   - header: the raw header value `key` came from, remembered to skip parsing next time.
    ///   - date: the request's time from the verifier's clock.
    /// - Throws: ``VerificationError`` when the download or any certificate check fails.
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
        logger.debug("Downloading the Alexa signing certificate chain", metadata: ["url": key])
        let pem: [UInt8]
        do {
            pem = try await certificateFetcher.fetchPEM(from: url)
        } catch {
            logger.warning("Could not download the Alexa signing certificate chain", metadata: ["url": key, "error": "\(error)"])
            throw VerificationError(
                .certificateDownloadFailed,
                "The signing certificate chain at \(key) could not be downloaded (\(error)); check that this server can reach \(CertificateChainURL.host) over HTTPS."
            )
        }
        let verifiedAt = now()
        let certificate: SigningCertificate
        do {
            certificate = try SigningCertificate(pem: pem, source: key, trustStore: store, at: verifiedAt)
        } catch {
            logger.warning("Rejected a signing certificate chain", metadata: ["url": key, "code": error.code.description])
            throw error
        }
        cache.store(certificate, for: key, header: header, at: verifiedAt)
        logger.info(
            "Cached the Alexa signing certificate",
            metadata: ["url": key, "subject": certificate.subject, "validUntil": certificate.validity.upperBound.formatted(.iso8601)]
        )
        return certificate
    }

    /// How many verified chains are cached (for diagnostics and tests).
    public var cachedCertificateCount: Int { cache.count }
}

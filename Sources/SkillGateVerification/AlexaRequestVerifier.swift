#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif
public import SkillGateLogging
public import SkillGateCrypto

/// Verifies that an HTTPS request really comes from Alexa (the rules for skills hosted as a web service).
///
/// Checks, in order: the `SignatureCertChainUrl` header is an `https://s3.amazonaws.com/echo.api/…`
/// URL; `Signature-256` is present and base64 of an RSA signature's size (these need no download:
/// ``checkHeaders(signatureCertChainURL:signature256:)``); the chain at the URL (downloaded once, then
/// cached while in date) has an in-date signing certificate naming `echo-api.amazon.com` and reaches a
/// trusted root; and the signature verifies with RSA-SHA256 over the exact body bytes. The request
/// timestamp and application ID are checked by the core on the parsed envelope, not here; an endpoint
/// checks them after the headers and before the download, so no request that fails a check needing no
/// certificate costs one. Downloads are bounded by ``CertificateDownloadLimits``.
public struct AlexaRequestVerifier: Sendable {
    /// The header carrying the certificate-chain URL.
    public static let signatureCertChainURLHeader = "SignatureCertChainUrl"
    /// The header carrying the base64 RSA-SHA256 signature of the body.
    public static let signature256Header = "Signature-256"

    let trustStore: Result<TrustStore, VerificationError>
    let certificateFetcher: any CertificateFetcher
    let now: @Sendable () -> Date
    let logger: Logger
    let cache = CertificateCache()
    let downloads: CertificateDownloads

    /// Creates a verifier; load it once and share it, so downloaded chains are cached.
    /// - Parameters:
    ///   - trustRoots: the roots chains must reach; `.system` loads the OS store.
    ///   - certificateFetcher: downloads chains; an ``HTTPSCertificateFetcher`` (OpenSSL TLS, system trust
    ///     roots, 5-second timeout, 64 KiB limit) by default.
    ///   - now: the clock for certificate validity, injectable for tests.
    ///   - downloadLimits: how long a request waits for a certificate and how many downloads may run
    ///     or wait (see ``CertificateDownloadLimits``).
    ///   - logger: where chain downloads and failures are reported. Trust roots that cannot be loaded
    ///     are logged here at `.error`, and every verification then fails with
    ///     ``VerificationError/Code/untrustedCertificateChain``.
    public init(
        trustRoots: TrustRoots = .system,
        certificateFetcher: any CertificateFetcher = HTTPSCertificateFetcher(),
        now: @escaping @Sendable () -> Date = { Date() },
        downloadLimits: CertificateDownloadLimits = CertificateDownloadLimits(),
        logger: Logger
    ) {
        do {
            trustStore = .success(try TrustStore(roots: trustRoots))
        } catch {
            logger.error("Alexa request verification cannot work: \(error.message)")
            trustStore = .failure(VerificationError(.untrustedCertificateChain, error.message))
        }
        self.certificateFetcher = certificateFetcher
        self.now = now
        self.logger = logger
        self.downloads = CertificateDownloads(limits: downloadLimits)
    }

    /// Verifies a request given a header lookup.
    /// - Parameters:
    ///   - body: the request body exactly as received.
    ///   - header: a case-insensitive header lookup (pass your headers' subscript); called with
    ///     ``signatureCertChainURLHeader`` and ``signature256Header`` before anything is awaited.
    /// - Throws: ``VerificationError`` for the first failed check; answer ``VerificationError/httpStatus``.
    public func verify(body: [UInt8], header: (String) -> String?) async throws(VerificationError) {
        try await verify(body: body, checkedHeaders: checkHeaders(header: header))
    }

    /// Verifies a request when the two header values are already in hand.
    /// - Parameters:
    ///   - body: the request body exactly as received.
    ///   - signatureCertChainURL: the `SignatureCertChainUrl` header value, nil if absent.
    ///   - signature256: the `Signature-256` header value, nil if absent.
    /// - Throws: ``VerificationError`` for the first failed check; answer ``VerificationError/httpStatus``.
    public func verify(body: [UInt8], signatureCertChainURL: String?, signature256: String?) async throws(VerificationError) {
        try await verify(body: body, checkedHeaders: checkHeaders(signatureCertChainURL: signatureCertChainURL, signature256: signature256))
    }

    /// Finishes verifying a request whose headers passed ``checkHeaders(signatureCertChainURL:signature256:)``:
    /// obtains the signing certificate (cached, or downloaded within ``CertificateDownloadLimits/timeout``)
    /// and checks the signature over the exact body bytes.
    /// - Parameters:
    ///   - body: the request body exactly as received.
    ///   - headers: the checked headers.
    /// - Throws: ``VerificationError``; a transient one (HTTP 503) when the certificate could not be
    ///   obtained, otherwise a failed check (HTTP 400).
    public func verify(body: [UInt8], checkedHeaders headers: CheckedSignatureHeaders) async throws(VerificationError) {
        let certificate: SigningCertificate
        switch headers.source {
        case .cached(let cached):
            certificate = cached
        case .download(let normalisedURL):
            certificate = try await signingCertificate(for: normalisedURL, header: headers.chainURL, at: now())
        }
        guard certificate.verify(signature: headers.signature, body: body) else {
            throw VerificationError(
                .signatureMismatch,
                "The \(Self.signature256Header) signature does not match the request body for the certificate at \(VerificationError.quoted(headers.chainURL)); the body was changed after signing or was not signed by Alexa."
            )
        }
    }

    /// Answers every request waiting for a certificate download with ``VerificationError/Code/shuttingDown``
    /// (HTTP 503) and starts no more downloads, so a server's drain never waits for a stuck download.
    /// Requests whose chain is cached keep verifying. Call it when the server begins to shut down.
    public func shutDown() {
        downloads.shutDown()
    }
}

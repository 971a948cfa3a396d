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
/// URL; `Signature-256` is present and base64; the chain at the URL (downloaded once, then cached while
/// in date) has an in-date signing certificate naming `echo-api.amazon.com` and reaches a trusted root;
/// and the signature verifies with RSA-SHA256 over the exact body bytes. The request timestamp and
/// application ID are checked by the core on the parsed envelope, not here.
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

    /// Creates a verifier; load it once and share it, so downloaded chains are cached.
    /// - Parameters:
    ///   - trustRoots: the roots chains must reach; `.system` loads the OS store.
    ///   - certificateFetcher: downloads chains; an ``HTTPSCertificateFetcher`` (OpenSSL TLS, system trust
    ///     roots, 5-second timeout, 64 KiB limit) by default.
    ///   - now: the clock for certificate validity, injectable for tests.
    ///   - logger: where chain downloads and failures are reported. Trust roots that cannot be loaded
    ///     are logged here at `.error`, and every verification then fails with
    ///     ``VerificationError/Code/untrustedCertificateChain``.
    public init(
        trustRoots: TrustRoots = .system,
        certificateFetcher: any CertificateFetcher = HTTPSCertificateFetcher(),
        now: @escaping @Sendable () -> Date = { Date() },
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
    }

    /// Verifies a request given a header lookup.
    /// - Parameters:
    ///   - body: the request body exactly as received.
    ///   - header: a case-insensitive header lookup (pass your headers' subscript); called with
    ///     ``signatureCertChainURLHeader`` and ``signature256Header`` before anything is awaited.
    /// - Throws: ``VerificationError`` for the first failed check; answer HTTP 400.
    public func verify(body: [UInt8], header: (String) -> String?) async throws(VerificationError) {
        let chainURL = header(Self.signatureCertChainURLHeader)
        let signature = header(Self.signature256Header)
        try await verify(body: body, signatureCertChainURL: chainURL, signature256: signature)
    }

    /// Verifies a request when the two header values are already in hand.
    /// - Parameters:
    ///   - body: the request body exactly as received.
    ///   - signatureCertChainURL: the `SignatureCertChainUrl` header value, nil if absent.
    ///   - signature256: the `Signature-256` header value, nil if absent.
    /// - Throws: ``VerificationError`` for the first failed check; answer HTTP 400.
    public func verify(body: [UInt8], signatureCertChainURL: String?, signature256: String?) async throws(VerificationError) {
        guard let chainURL = signatureCertChainURL, !chainURL.allSatisfy(\.isWhitespace) else {
            throw VerificationError(
                .missingSignatureCertChainURL,
                "The request has no \(Self.signatureCertChainURLHeader) header; Alexa sends it with every request, so this request is not from Alexa."
            )
        }
        let date = now()
        // A header value whose chain is cached was validated before; validation is a pure function of it.
        let source: CertificateSource
        if let cached = cache.certificate(forHeader: chainURL, at: date) {
            source = .cached(cached)
        } else {
            source = .download(try CertificateChainURL.normalise(chainURL))
        }
        guard let signatureText = signature256, !signatureText.allSatisfy(\.isWhitespace) else {
            throw VerificationError(
                .missingSignature,
                "The request has no \(Self.signature256Header) header; Alexa signs every request with SHA-256 (the old SHA-1 Signature header is not accepted)."
            )
        }
        guard let signature = Base64.decode(signatureText) else {
            throw VerificationError(
                .malformedSignature, "The \(Self.signature256Header) header is not valid base64, so it cannot be an Alexa signature.")
        }
        let certificate: SigningCertificate
        switch source {
        case .cached(let cached):
            certificate = cached
        case .download(let normalisedURL):
            certificate = try await signingCertificate(for: normalisedURL, header: chainURL, at: date)
        }
        guard certificate.verify(signature: signature, body: body) else {
            throw VerificationError(
                .signatureMismatch,
                "The \(Self.signature256Header) signature does not match the request body for the certificate at \(VerificationError.quoted(chainURL)); the body was changed after signing or was not signed by Alexa."
            )
        }
    }
}

/// Where a request's signing certificate comes from.
private enum CertificateSource {
    /// Already verified and in date.
    case cached(SigningCertificate)
    /// Not cached: download (or find under its normalised URL text) and verify.
    case download(String)
}

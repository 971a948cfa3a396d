import SkillGateCrypto

/// A request's `SignatureCertChainUrl` and `Signature-256` headers after the checks that need no
/// download: the URL follows Amazon's rules and the signature is base64 of an RSA signature's size.
///
/// Made by ``AlexaRequestVerifier/checkHeaders(signatureCertChainURL:signature256:)``; pass it to
/// ``AlexaRequestVerifier/verify(body:checkedHeaders:)`` once the request's other cheap checks (application
/// ID, timestamp) have passed too.
public struct CheckedSignatureHeaders: Sendable {
    /// The `SignatureCertChainUrl` header as received.
    public let chainURL: String
    /// Where the signing certificate comes from.
    let source: CertificateSource
    /// The decoded `Signature-256`.
    let signature: [UInt8]
}

/// Where a request's signing certificate comes from.
enum CertificateSource: Sendable {
    /// Already verified and in date.
    case cached(SigningCertificate)
    /// Not cached: download (or find under its normalised URL text) and verify.
    case download(String)
}

extension AlexaRequestVerifier {
    /// The sizes, in bytes, an RSA signature can have here: 1024- to 8192-bit keys. Alexa's is
    /// 2048-bit (256 bytes); anything else cannot verify and is refused before any download.
    static let signatureSizes = 128...1024

    /// Checks the verification headers without downloading anything.
    /// - Parameter header: a case-insensitive header lookup, called with ``signatureCertChainURLHeader``
    ///   and ``signature256Header``.
    /// - Returns: the checked headers, for ``verify(body:checkedHeaders:)``.
    /// - Throws: ``VerificationError`` (HTTP 400) for a missing or invalid URL or signature.
    public func checkHeaders(header: (String) -> String?) throws(VerificationError) -> CheckedSignatureHeaders {
        try checkHeaders(signatureCertChainURL: header(Self.signatureCertChainURLHeader), signature256: header(Self.signature256Header))
    }

    /// Checks the two verification header values without downloading anything: the URL is present
    /// and follows Amazon's rules (``CertificateChainURL``), and the signature is present, base64 and
    /// of an RSA signature's size.
    /// - Parameters:
    ///   - signatureCertChainURL: the `SignatureCertChainUrl` header value, nil if absent.
    ///   - signature256: the `Signature-256` header value, nil if absent.
    /// - Returns: the checked headers, for ``verify(body:checkedHeaders:)``.
    /// - Throws: ``VerificationError`` (HTTP 400) naming the first failed check.
    public func checkHeaders(signatureCertChainURL: String?, signature256: String?) throws(VerificationError) -> CheckedSignatureHeaders {
        guard let chainURL = signatureCertChainURL, !chainURL.allSatisfy(\.isWhitespace) else {
            throw VerificationError(
                .missingSignatureCertChainURL,
                "The request has no \(Self.signatureCertChainURLHeader) header; Alexa sends it with every request, so this request is not from Alexa."
            )
        }
        // A header value whose chain is cached was validated before; validation is a pure function of it.
        let source: CertificateSource
        if let cached = cache.certificate(forHeader: chainURL, at: now()) {
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
        // Base64 of the largest signature, with room for surrounding blanks.
        guard signatureText.utf8.count <= (Self.signatureSizes.upperBound + 2) / 3 * 4 + 64, let signature = Base64.decode(signatureText)
        else {
            throw VerificationError(
                .malformedSignature, "The \(Self.signature256Header) header is not valid base64, so it cannot be an Alexa signature.")
        }
        guard Self.signatureSizes.contains(signature.count) else {
            throw VerificationError(
                .malformedSignature,
                "The \(Self.signature256Header) header decodes to \(signature.count) bytes; an RSA signature is \(Self.signatureSizes.lowerBound) to \(Self.signatureSizes.upperBound) bytes (Alexa's is 256), so this is not an Alexa signature."
            )
        }
        return CheckedSignatureHeaders(chainURL: chainURL, source: source, signature: signature)
    }
}

/// Why an incoming request failed Alexa signature verification.
///
/// Every failure means "this request may not come from Alexa": the endpoint answers HTTP 400 and runs
/// no skill code. ``reason`` is a sentence a person can act on; ``code`` is for programs.
public struct VerificationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure, in the order the checks run.
    public enum Code: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// The `SignatureCertChainUrl` header is absent or empty.
        case missingSignatureCertChainURL
        /// The `SignatureCertChainUrl` is not an `https://s3.amazonaws.com/echo.api/…` URL.
        case invalidSignatureCertChainURL
        /// The `Signature-256` header is absent or empty.
        case missingSignature
        /// The `Signature-256` header is not valid base64.
        case malformedSignature
        /// The certificate chain could not be downloaded.
        case certificateDownloadFailed
        /// The downloaded bytes are not a PEM certificate chain with a usable RSA signing certificate.
        case malformedCertificate
        /// The signing certificate (or one above it) has expired.
        case certificateExpired
        /// The signing certificate (or one above it) is not valid yet.
        case certificateNotYetValid
        /// The signing certificate's Subject Alternative Names lack `echo-api.amazon.com`.
        case missingAlexaSubjectAlternativeName
        /// The chain does not lead to a trusted root certificate.
        case untrustedCertificateChain
        /// `Signature-256` does not verify over the request body with the signing certificate's key.
        case signatureMismatch

        /// The case name, e.g. `signatureMismatch`.
        public var description: String { rawValue }
    }

    /// The kind of failure.
    public let code: Code
    /// What went wrong and what to check, as a sentence.
    public let reason: String

    /// Creates an error.
    /// - Parameters:
    ///   - code: the kind of failure.
    ///   - reason: a sentence a person can act on.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// `code: reason`, for logs.
    public var description: String { "\(code): \(reason)" }
}

extension VerificationError {
    /// Quotes untrusted text (a header value) for an error message, shortened so a hostile header
    /// cannot flood the logs.
    static func quoted(_ text: some StringProtocol, limit: Int = 200) -> String {
        var quoted = "'"
        for scalar in text.unicodeScalars.prefix(limit) {
            quoted += scalar.properties.generalCategory == .control ? scalar.escaped(asASCII: true) : String(scalar)
        }
        let shortened = text.unicodeScalars.dropFirst(limit).isEmpty == false
        return quoted + (shortened ? "…'" : "'")
    }
}

/// Why an incoming request failed Alexa signature verification.
///
/// Every failure means "this request is not known to come from Alexa" and no skill code runs. Most
/// failures prove the request bad, and the endpoint answers HTTP 400 as Amazon requires. A few
/// (``isTransient``) mean the signing certificate could not be obtained — the network, DNS, S3 or this
/// server's download limits failed, not the request — and the endpoint answers HTTP 503: the request
/// is still refused, but the failure is counted as this server's (alerts, load balancers), and a
/// sender that retries on 5xx (skill events are redelivered) tries again later. ``httpStatus`` says which.
/// ``reason`` is a sentence a person can act on; ``code`` is for programs.
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
        /// The certificate chain could not be downloaded, and the answer shows the URL does not serve
        /// one (an HTTP 4xx, a body that is not a response, too large): the request is bad.
        case certificateDownloadFailed
        /// The certificate chain could not be downloaded for a reason on this side (DNS, connection,
        /// TLS, an HTTP 5xx): transient.
        case certificateUnavailable
        /// The certificate chain was not obtained within the verifier's time limit: transient.
        case certificateDownloadTimedOut
        /// Too many certificate downloads are in progress or waiting to start: transient.
        case tooManyCertificateDownloads
        /// The verifier is shutting down and starts no more downloads: transient.
        case shuttingDown
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

    /// Whether the failure is this side's, not the request's: the signing certificate could not be
    /// obtained (network, DNS, TLS, S3's 5xx, a timeout, the download limits, shutdown).
    public var isTransient: Bool {
        switch code {
        case .certificateUnavailable, .certificateDownloadTimedOut, .tooManyCertificateDownloads, .shuttingDown: true
        default: false
        }
    }

    /// The HTTP status to answer: 503 for a ``isTransient`` failure, otherwise 400.
    public var httpStatus: Int { isTransient ? 503 : 400 }
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

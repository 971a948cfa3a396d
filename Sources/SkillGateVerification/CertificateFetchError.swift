/// Why ``HTTPSCertificateFetcher`` could not download a certificate chain.
///
/// ``reason`` is a sentence naming the URL and what to check; ``code`` is for programs and tests.
public struct CertificateFetchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure, roughly in the order a download meets them.
    public enum Code: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// The URL is not an `https://host/path` URL this client can request.
        case invalidURL
        /// OpenSSL's TLS client or its trust roots could not be set up.
        case tlsSetupFailed
        /// The host name could not be resolved.
        case hostNotFound
        /// No TCP connection could be made, or it broke while in use.
        case connectionFailed
        /// The download did not finish within the fetcher's timeout.
        case timedOut
        /// The server's TLS certificate does not lead to a trusted root (or is out of date).
        case untrustedCertificate
        /// The server's TLS certificate is valid but does not name the host in the URL.
        case hostnameMismatch
        /// TLS failed for another reason: protocol version, cipher, an alert, a corrupt record.
        case tlsFailed
        /// The server answered with an HTTP status other than 200.
        case httpStatus
        /// The answer is not a well-formed HTTP/1.x response, or it ended early.
        case malformedResponse
        /// The body is larger than the fetcher's size limit.
        case tooLarge

        /// The case name, e.g. `timedOut`.
        public var description: String { rawValue }
    }

    /// The kind of failure.
    public let code: Code
    /// What went wrong and what to check, as a sentence.
    public let reason: String
    /// The HTTP status code for ``Code/httpStatus``; nil otherwise.
    public let statusCode: Int?

    /// Creates an error.
    /// - Parameters:
    ///   - code: the kind of failure.
    ///   - reason: a sentence a person can act on.
    ///   - statusCode: the HTTP status, for ``Code/httpStatus``.
    public init(_ code: Code, _ reason: String, statusCode: Int? = nil) {
        self.code = code
        self.reason = reason
        self.statusCode = statusCode
    }

    /// The reason.
    public var description: String { reason }

    /// Whether the failure is on the way to the server or the server's own (name resolution, the
    /// connection, TLS, the timeout, an HTTP 5xx or 429) rather than proof that the URL serves no
    /// certificate chain (an HTTP 4xx, a malformed or oversized answer, an unusable URL). The
    /// verifier answers a transient failure with HTTP 503, the others with 400.
    public var isTransient: Bool {
        switch code {
        case .tlsSetupFailed, .hostNotFound, .connectionFailed, .timedOut, .untrustedCertificate, .hostnameMismatch, .tlsFailed:
            return true
        case .httpStatus:
            guard let statusCode else { return false }
            return statusCode >= 500 || statusCode == 429
        case .invalidURL, .malformedResponse, .tooLarge:
            return false
        }
    }
}

import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Sends the doctor's requests with URLSession: no cookies, no cache, no redirects followed, 401 answers
/// delivered with their body (see `SessionDelegate`), a time limit per call, and the answer time measured.
struct DoctorHTTPClient: Sendable {
    private let session: URLSession
    private let delegate: SessionDelegate
    private let timeout: Duration

    /// Creates a client with its own ephemeral session; call ``invalidate()`` when done.
    /// - Parameter timeout: the limit for each call.
    init(timeout: Duration) {
        let configuration = URLSessionConfiguration.ephemeral
        // A backstop only: the exact limit is `SessionDelegate`'s (URLSession on Linux rounds down to seconds).
        configuration.timeoutIntervalForRequest = Self.backstop(timeout)
        configuration.timeoutIntervalForResource = Self.backstop(timeout)
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let delegate = SessionDelegate()
        self.delegate = delegate
        self.session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
        self.timeout = timeout
    }

    /// Releases the session (and its delegate).
    func invalidate() { session.finishTasksAndInvalidate() }

    /// Sends a request and waits for the whole answer.
    /// - Parameter request: the request; its time limit is the client's.
    /// - Returns: the answer, or why there was none.
    func send(_ request: URLRequest) async -> Result<HTTPAnswer, NetworkFailure> {
        var request = request
        request.timeoutInterval = Self.backstop(timeout)
        let endpoint = Self.endpoint(of: request.url)
        let clock = ContinuousClock()
        let start = clock.now
        switch await delegate.run(request, on: session, timeout: timeout) {
        case .success((let http, let data)):
            let elapsed = clock.now - start
            return .success(
                HTTPAnswer(
                    status: http.statusCode,
                    contentType: http.value(forHTTPHeaderField: "Content-Type"),
                    location: http.value(forHTTPHeaderField: "Location"),
                    body: data,
                    elapsed: elapsed
                )
            )
        case .failure(let error as URLError):
            return .failure(NetworkFailure(endpoint: endpoint, reason: Self.describe(error, timeout: timeout)))
        case .failure(let error):
            return .failure(NetworkFailure(endpoint: endpoint, reason: String(describing: error)))
        }
    }

    /// URLSession's own timeout: whole seconds, past the exact limit.
    private static func backstop(_ timeout: Duration) -> TimeInterval {
        max(1, timeout.inSeconds.rounded(.up)) + 1
    }

    /// `host:port` for messages.
    static func endpoint(of url: URL?) -> String {
        guard let url, let host = url.host else { return url?.absoluteString ?? "the endpoint" }
        let port = url.port ?? (url.scheme?.lowercased() == "http" ? 80 : 443)
        return host.contains(":") && !host.hasPrefix("[") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Whether an error text is about TLS (libcurl's say "SSL certificate problem: …").
    private static func mentionsTLS(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.contains("ssl") || lower.contains("tls") || lower.contains("certificate")
    }

    /// A few words for a URLSession error.
    static func describe(_ error: URLError, timeout: Duration) -> String {
        switch error.code {
        case .cannotConnectToHost: "connection refused"
        case .cannotFindHost, .dnsLookupFailed: "host name not found (DNS)"
        case .timedOut: "no answer within \(timeout.threshold)"
        case .networkConnectionLost: "the connection closed before a complete answer"
        case .notConnectedToInternet: "no network"
        case .secureConnectionFailed: "TLS handshake failed"
        case .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateHasUnknownRoot,
            .serverCertificateNotYetValid:
            "the TLS certificate is not trusted (\(error.localizedDescription))"
        case .badServerResponse: "the answer was not valid HTTP"
        case .unsupportedURL: "unsupported URL"
        default:
            Self.mentionsTLS(error.localizedDescription)
                ? "TLS failed (\(error.localizedDescription))" : error.localizedDescription
        }
    }
}

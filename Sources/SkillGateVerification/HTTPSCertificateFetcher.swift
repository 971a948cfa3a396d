import Dispatch

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Downloads certificate chains over HTTPS with OpenSSL's TLS client: no Foundation networking, no curl.
///
/// Each download opens a fresh connection (IPv4 or IPv6), verifies the server's certificate against
/// the trust roots and the URL's host name (TLS 1.2 or later, SNI for names), sends
/// `GET path HTTP/1.1` with `Connection: close`, and accepts only a 200 answer whose body (framed by
/// `Content-Length`, chunked, or the end of the connection) fits the size limit. The whole download
/// (name resolution included) must finish within the timeout. The blocking work runs on a Dispatch
/// worker thread, never on the caller's executor.
public struct HTTPSCertificateFetcher: CertificateFetcher {
    /// How long one download may take, name resolution and connection included.
    public let timeout: Duration
    /// Response bodies larger than this many bytes are refused; Amazon's chain is about 5 KB.
    public let maximumSize: Int
    private let contexts: TLSContextCache

    /// Creates a fetcher; its TLS context and trust roots are loaded on the first download and reused.
    /// - Parameters:
    ///   - timeout: the limit for one download; 5 seconds by default.
    ///   - maximumSize: the largest accepted response body in bytes; 64 KiB by default.
    ///   - trustRoots: the roots server certificates must reach: `.system` (the OS bundle plus
    ///     OpenSSL's defaults, which honour `SSL_CERT_FILE` and `SSL_CERT_DIR`) by default; `.pem` or
    ///     `.file` trust exactly those roots and nothing else (for tests and pinning).
    public init(timeout: Duration = .seconds(5), maximumSize: Int = 64 * 1024, trustRoots: TrustRoots = .system) {
        self.timeout = timeout
        self.maximumSize = maximumSize
        self.contexts = TLSContextCache(trustRoots: trustRoots)
    }

    /// Downloads the PEM bytes at `url`.
    /// - Parameter url: an `https://host[:port]/path` URL.
    /// - Returns: the response body.
    /// - Throws: ``CertificateFetchError`` naming what failed: the URL, the trust roots, name
    ///   resolution, the connection, the timeout, the server's certificate or name, TLS, the HTTP
    ///   status, the response format, or the size limit.
    public func fetchPEM(from url: URL) async throws(CertificateFetchError) -> [UInt8] {
        let target = try HTTPSTarget(url)
        let deadline = FetchDeadline(after: timeout)
        let contexts = self.contexts
        let maximumSize = self.maximumSize
        let outcome = await withCheckedContinuation { (continuation: CheckedContinuation<Result<[UInt8], CertificateFetchError>, Never>) in
            let completion = DownloadCompletion(continuation)
            // Name resolution cannot be interrupted, so a watchdog answers the caller on time regardless;
            // after a download that finished first it finds nothing left to resume.
            DispatchQueue.global().asyncAfter(deadline: .now() + Self.dispatchInterval(timeout) + .milliseconds(100)) {
                completion.resume(with: .failure(deadline.timedOut(while: "downloading \(target.display)")))
            }
            DispatchQueue.global().async {
                let result = Result { () throws(CertificateFetchError) in
                    try Self.download(target, contexts: contexts, maximumSize: maximumSize, deadline: deadline)
                }
                completion.resume(with: result)
            }
        }
        return try outcome.get()
    }

    /// Runs one download on the calling thread, blocking until it is done or the deadline passes.
    private static func download(
        _ target: HTTPSTarget, contexts: TLSContextCache, maximumSize: Int, deadline: FetchDeadline
    ) throws(CertificateFetchError) -> [UInt8] {
        let context = try contexts.get().get()
        let fd = try TCPConnector.openConnection(host: target.host, port: target.port, deadline: deadline)
        let connection = try TLSConnection(fd: fd, context: context, host: target.host, endpoint: target.endpoint, deadline: deadline)
        try connection.handshake()
        try connection.write(target.request)
        var parser = HTTPResponseParser(maximumBodySize: maximumSize, source: target.display)
        var complete = false
        while !complete {
            let open = try connection.read { bytes throws(CertificateFetchError) in complete = try parser.consume(bytes) }
            if !open { return try parser.finish() }
        }
        return parser.body
    }

    /// A `Duration` as a Dispatch interval, clamped to what Dispatch holds.
    private static func dispatchInterval(_ duration: Duration) -> DispatchTimeInterval {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0 else { return .nanoseconds(0) }
        guard seconds < Int64(Int32.max) else { return .seconds(Int(Int32.max)) }
        return .nanoseconds(Int(seconds * 1_000_000_000 + attoseconds / 1_000_000_000))
    }
}

/// The old name of ``HTTPSCertificateFetcher``, kept so existing code compiles.
@available(*, deprecated, renamed: "HTTPSCertificateFetcher")
public typealias URLSessionCertificateFetcher = HTTPSCertificateFetcher

public import SkillGateCrypto
import SkillGateHTTP
import SkillGateHTTPS

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Downloads certificate chains over HTTPS with the project's HTTP client and OpenSSL TLS: no Foundation
/// networking, no curl.
///
/// Each download opens a fresh connection (IPv4 or IPv6), verifies the server's certificate against
/// the trust roots and the URL's host name (TLS 1.2 or later, SNI for names), sends
/// `GET path HTTP/1.1` with `Connection: close`, and accepts only a 200 answer whose body (framed by
/// `Content-Length`, chunked, or the end of the connection) fits the size limit. The whole download
/// (name resolution included) must finish within the timeout. The blocking work runs on the HTTP
/// client's own threads, never on the caller's executor.
public struct HTTPSCertificateFetcher: CertificateFetcher {
    /// How long one download may take, name resolution and connection included.
    public let timeout: Duration
    /// Response bodies larger than this many bytes are refused; Amazon's chain is about 5 KB.
    public let maximumSize: Int
    private let tls: OpenSSLClientTLS

    /// Creates a fetcher; its TLS context and trust roots are loaded on the first download and reused.
    /// - Parameters:
    ///   - timeout: the limit for one download; 5 seconds by default.
    ///   - maximumSize: the largest accepted response body in bytes; 64 KiB by default.
    ///   - trustRoots: the roots server certificates must reach: `.system` (the OS bundle plus
    ///     OpenSSL's defaults, which honour `SSL_CERT_FILE` and `SSL_CERT_DIR`) by default; `.pem` or
    ///     `.file` trust exactly those roots and nothing else (for tests and pinning).
    public init(timeout: Duration = .seconds(5), maximumSize: Int = 64 * 1024, trustRoots: TrustRoots = .system) {
        self.timeout = timeout
        self.maximumSize = max(0, maximumSize)
        self.tls = OpenSSLClientTLS(trustRoots: trustRoots)
    }

    /// Downloads the PEM bytes at `url`.
    /// - Parameter url: an `https://host[:port]/path` URL.
    /// - Returns: the response body.
    /// - Throws: ``CertificateFetchError`` naming what failed: the URL, the trust roots, name
    ///   resolution, the connection, the timeout, the server's certificate or name, TLS, the HTTP
    ///   status, the response format, or the size limit.
    public func fetchPEM(from url: URL) async throws(CertificateFetchError) -> [UInt8] {
        let display = url.absoluteString
        guard url.scheme?.lowercased() == "https" else {
            throw CertificateFetchError(
                .invalidURL, "Refusing to fetch \(VerificationError.quoted(display)): certificate chains are downloaded over https only.")
        }
        let client = HTTPClient.https(host: url.host ?? "", port: url.port ?? 443, tls: tls, maximumResponseBodySize: maximumSize)
        defer { client.close() }
        let headers: HTTPHeaders = ["User-Agent": "SkillGate", "Accept": "application/x-pem-file, */*", "Connection": "close"]
        let response: HTTPClientResponse
        do {
            response = try await client.send(method: "GET", url: display, headers: headers, timeout: timeout)
        } catch let error as HTTPClientError {
            throw failure(error, url: display)
        } catch {
            throw CertificateFetchError(.connectionFailed, "The download of \(display) was cancelled.")
        }
        guard response.status == 200 else {
            throw CertificateFetchError(
                .httpStatus, "\(display) answered HTTP \(response.status) \(response.reason); a certificate chain is served with 200.",
                statusCode: response.status)
        }
        return response.body
    }

    /// The fetch error for a client error, keeping the message's detail.
    private func failure(_ error: HTTPClientError, url: String) -> CertificateFetchError {
        let detail = error.description
        switch error.kind {
        case .invalidRequest, .tlsUnavailable:
            return CertificateFetchError(.invalidURL, "Refusing to fetch \(VerificationError.quoted(url)): \(detail).")
        case .tlsSetupFailed:
            return CertificateFetchError(.tlsSetupFailed, detail)
        case .hostNotFound:
            return CertificateFetchError(.hostNotFound, "Downloading \(url) failed: \(detail).")
        case .connectionFailed, .clientClosed:
            return CertificateFetchError(
                .connectionFailed, "Downloading \(url) failed: \(detail); check that this server can reach it over HTTPS (firewall, proxy)."
            )
        case .timedOut:
            return CertificateFetchError(
                .timedOut,
                "The certificate download timed out after \(timeout) while downloading \(url); check that this server can reach the host over HTTPS (firewall, proxy, DNS)."
            )
        case .untrustedCertificate:
            return CertificateFetchError(.untrustedCertificate, detail)
        case .hostnameMismatch:
            return CertificateFetchError(.hostnameMismatch, detail)
        case .tlsFailed:
            return CertificateFetchError(.tlsFailed, detail)
        case .connectionClosed, .malformedResponse:
            return CertificateFetchError(.malformedResponse, "The answer from \(url) is not a usable HTTP response: \(detail).")
        case .responseTooLarge:
            return CertificateFetchError(
                .tooLarge,
                "\(url) sent a body larger than the \(maximumSize)-byte limit; Alexa's certificate chain is about 5 KB, so this is not it."
            )
        }
    }
}

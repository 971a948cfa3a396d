import Foundation
import SkillGateHTTP
import SkillGateHTTPS

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import SkillGateCrypto

/// Sends the doctor's requests with the project's HTTP client: no cookies, no cache, no redirects
/// followed (a 3xx comes back with its `Location`: the token checks report it, the authorization request
/// follows it itself), 401 answers delivered with their body, a time limit per call (name resolution,
/// connection and TLS included), and the answer time measured.
struct DoctorHTTPClient: Sendable {
    private let client: HTTPClient
    private let timeout: Duration

    /// Creates a client; call ``close()`` when done.
    /// - Parameters:
    ///   - timeout: the limit for each call.
    ///   - caFile: a PEM file of certificate authorities to trust for HTTPS instead of the system's.
    ///   - defaultURL: the URL whose server most calls go to (the token endpoint).
    init(timeout: Duration, caFile: String?, defaultURL: URL) {
        let tls = OpenSSLClientTLS(trustRoots: caFile.map { .file($0) } ?? .system)
        let isHTTP = defaultURL.scheme?.lowercased() == "http"
        client = HTTPClient.https(
            host: defaultURL.host ?? "localhost", port: defaultURL.port ?? (isHTTP ? 80 : 443), scheme: isHTTP ? .http : .https,
            tls: tls)
        self.timeout = timeout
    }

    /// Closes the kept-alive connection.
    func close() { client.close() }

    /// Sends a request and waits for the whole answer.
    /// - Parameters:
    ///   - method: `GET` or `POST`.
    ///   - url: an absolute http or https URL.
    ///   - headers: the request's header fields.
    ///   - body: the request body.
    /// - Returns: the answer, or why there was none.
    func send(_ method: String, _ url: URL, headers: HTTPHeaders = [:], body: [UInt8] = []) async -> Result<HTTPAnswer, NetworkFailure> {
        let endpoint = Self.endpoint(of: url)
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let response = try await client.send(method: method, url: url.absoluteString, headers: headers, body: body, timeout: timeout)
            return .success(
                HTTPAnswer(
                    status: response.status,
                    contentType: response.headers["Content-Type"],
                    location: response.headers["Location"],
                    body: Data(response.body),
                    headers: response.headers,
                    elapsed: clock.now - start
                )
            )
        } catch let error as HTTPClientError {
            return .failure(NetworkFailure(endpoint: endpoint, reason: Self.describe(error, timeout: timeout)))
        } catch {
            return .failure(NetworkFailure(endpoint: endpoint, reason: "the call was cancelled"))
        }
    }

    /// `host:port` for messages.
    static func endpoint(of url: URL?) -> String {
        guard let url, let host = url.host else { return url?.absoluteString ?? "the endpoint" }
        let port = url.port ?? (url.scheme?.lowercased() == "http" ? 80 : 443)
        return host.contains(":") && !host.hasPrefix("[") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// A few words for a client error.
    static func describe(_ error: HTTPClientError, timeout: Duration) -> String {
        switch error.kind {
        case .connectionFailed where error.systemErrorCode == ECONNREFUSED: "connection refused"
        case .hostNotFound: "host name not found (DNS)"
        case .timedOut: "no answer within \(timeout.threshold)"
        case .connectionClosed: "the connection closed before a complete answer"
        case .untrustedCertificate: "the TLS certificate is not trusted (\(error.description))"
        case .hostnameMismatch: "the TLS certificate does not name this host (\(error.description))"
        case .tlsFailed: "the TLS handshake failed (\(error.description))"
        case .tlsSetupFailed: "TLS could not be set up (\(error.description))"
        case .malformedResponse: "the answer was not valid HTTP (\(error.description))"
        case .invalidRequest, .tlsUnavailable: "unsupported URL (\(error.description))"
        case .connectionFailed, .responseTooLarge, .clientClosed: error.description
        }
    }
}

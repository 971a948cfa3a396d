public import SkillGateCrypto
public import SkillGateHTTP

extension HTTPClient {
    /// A client for `https://` (and `http://`) servers with OpenSSL TLS, verifying servers against
    /// `trustRoots`; requests by path go to `scheme://host:port`.
    /// - Parameters:
    ///   - host: the default server's name or address.
    ///   - port: its port; 443 by default.
    ///   - scheme: `.https` by default.
    ///   - trustRoots: `.system` by default; `.pem(bytes)` or `.file(path)` to trust exactly those roots
    ///     (a test or private certificate authority).
    ///   - maximumResponseBodySize: the largest response body accepted, in bytes.
    /// - Returns: a client that connects on its first request.
    public static func https(
        host: String, port: Int = 443, scheme: Scheme = .https, trustRoots: TrustRoots = .system,
        maximumResponseBodySize: Int = HTTPClient.defaultMaximumResponseBodySize
    ) -> HTTPClient {
        https(
            host: host, port: port, scheme: scheme, tls: OpenSSLClientTLS(trustRoots: trustRoots),
            maximumResponseBodySize: maximumResponseBodySize)
    }

    /// A client like ``https(host:port:scheme:trustRoots:maximumResponseBodySize:)`` that shares an
    /// already-made TLS implementation (and so its loaded trust roots) with other clients.
    /// - Parameters:
    ///   - host: the default server's name or address.
    ///   - port: its port; 443 by default.
    ///   - scheme: `.https` by default.
    ///   - tls: the OpenSSL TLS implementation to use.
    ///   - maximumResponseBodySize: the largest response body accepted, in bytes.
    /// - Returns: a client that connects on its first request.
    public static func https(
        host: String, port: Int = 443, scheme: Scheme = .https, tls: OpenSSLClientTLS,
        maximumResponseBodySize: Int = HTTPClient.defaultMaximumResponseBodySize
    ) -> HTTPClient {
        HTTPClient(host: host, port: port, scheme: scheme, tls: tls, maximumResponseBodySize: maximumResponseBodySize)
    }
}

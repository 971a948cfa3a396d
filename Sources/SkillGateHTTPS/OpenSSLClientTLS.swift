public import SkillGateCrypto
public import SkillGateHTTP

/// TLS for ``SkillGateHTTP/HTTPClient`` backed by OpenSSL (SkillGateCrypto): TLS 1.2 or later, the
/// server's certificate verified against the trust roots and the URL's host name (SNI for names).
///
/// The context and its trust roots are loaded on the first `https` connection and reused; share one
/// value between clients that trust the same roots.
public struct OpenSSLClientTLS: HTTPClientTLS {
    private let contexts: TLSContextCache

    /// Creates the TLS implementation; nothing is loaded until the first handshake.
    /// - Parameter trustRoots: `.system` (the OS bundle plus OpenSSL's defaults, which honour
    ///   `SSL_CERT_FILE` and `SSL_CERT_DIR`) by default; `.pem` or `.file` trust exactly those roots
    ///   and nothing else (for tests and private certificate authorities).
    public init(trustRoots: TrustRoots = .system) {
        contexts = TLSContextCache(trustRoots: trustRoots)
    }

    /// Loads the trust roots if they are not loaded yet.
    /// - Throws: ``SkillGateHTTP/HTTPClientTLSFailure`` with kind `.setupFailed` naming what cannot be loaded.
    public func prepare() throws(HTTPClientTLSFailure) {
        if case .failure(let error) = contexts.get() { throw error }
    }

    /// Runs the handshake on a connected socket.
    /// - Parameters:
    ///   - socket: a connected non-blocking socket, still the caller's to close.
    ///   - host: the name or address the certificate must carry.
    ///   - port: the port, for messages.
    ///   - deadline: when to give up.
    ///   - interruptFD: a descriptor whose readability stops the wait.
    /// - Returns: the session's plaintext stream.
    /// - Throws: ``SkillGateHTTP/HTTPClientTLSFailure`` naming what failed.
    public func handshake(socket: Int32, host: String, port: Int, deadline: ContinuousClock.Instant?, interruptFD: Int32)
        throws(HTTPClientTLSFailure) -> any HTTPClientTLSStream
    {
        let context = try contexts.get().get()
        let endpoint = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        let connection = try TLSConnection(socket: socket, context: context, host: host, endpoint: endpoint)
        try connection.handshake(deadline: deadline, interruptFD: interruptFD)
        return OpenSSLClientStream(connection: connection)
    }
}

/// One OpenSSL session as the HTTP client's stream.
final class OpenSSLClientStream: HTTPClientTLSStream {
    private let connection: TLSConnection

    init(connection: TLSConnection) {
        self.connection = connection
    }

    func write(_ bytes: UnsafeRawBufferPointer, deadline: ContinuousClock.Instant?, interruptFD: Int32) throws(HTTPClientTLSFailure) {
        try connection.write(bytes, deadline: deadline, interruptFD: interruptFD)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer, deadline: ContinuousClock.Instant?, interruptFD: Int32)
        throws(HTTPClientTLSFailure) -> Int
    {
        try connection.read(into: buffer, deadline: deadline, interruptFD: interruptFD)
    }
}

@_exported public import enum SkillGateSystem.TLSFailureKind
@_exported public import struct SkillGateSystem.KindedError

/// What ``HTTPClient`` needs for `https://` requests: a TLS client it can start on a connected socket.
///
/// SkillGateHTTP links no TLS library; `SkillGateHTTPS` provides the OpenSSL implementation. A client
/// created without one fails `https://` requests with ``HTTPClientError/Kind/tlsUnavailable``.
public protocol HTTPClientTLS: Sendable {
    /// Gets ready for handshakes (for example loads the trust roots, once). Called before each `https`
    /// connection is opened, so a setup problem is reported before any network traffic.
    /// - Throws: ``HTTPClientTLSFailure`` with kind `.setupFailed`.
    func prepare() throws(HTTPClientTLSFailure)

    /// Runs a TLS client handshake over a connected socket, verifying the server's certificate and name.
    /// - Parameters:
    ///   - socket: a connected, non-blocking TCP socket; it stays the client's (it closes it after
    ///     releasing the returned stream).
    ///   - host: the name or IP address (IPv6 without brackets) the certificate must carry.
    ///   - port: the server's port, for messages.
    ///   - deadline: when to give up; nil waits as long as it takes.
    ///   - interruptFD: a descriptor whose readability means "stop now" (cancellation or close).
    /// - Returns: the plaintext side of the session.
    /// - Throws: ``HTTPClientTLSFailure`` naming what failed.
    func handshake(socket: Int32, host: String, port: Int, deadline: ContinuousClock.Instant?, interruptFD: Int32)
        throws(HTTPClientTLSFailure) -> any HTTPClientTLSStream
}

/// The plaintext side of one TLS session, used by one request at a time on the client's queue.
public protocol HTTPClientTLSStream: AnyObject {
    /// Sends every byte.
    /// - Parameters:
    ///   - bytes: the plaintext.
    ///   - deadline: when to give up; nil waits as long as it takes.
    ///   - interruptFD: a descriptor whose readability means "stop now".
    /// - Throws: ``HTTPClientTLSFailure``; `.connectionClosed` when the peer has gone.
    func write(_ bytes: UnsafeRawBufferPointer, deadline: ContinuousClock.Instant?, interruptFD: Int32) throws(HTTPClientTLSFailure)

    /// Reads the next plaintext bytes.
    /// - Parameters:
    ///   - buffer: where to put them.
    ///   - deadline: when to give up; nil waits as long as it takes.
    ///   - interruptFD: a descriptor whose readability means "stop now".
    /// - Returns: how many bytes were read; 0 when the peer has closed the connection.
    /// - Throws: ``HTTPClientTLSFailure``; `.connectionClosed` when the connection was reset.
    func read(into buffer: UnsafeMutableRawBufferPointer, deadline: ContinuousClock.Instant?, interruptFD: Int32)
        throws(HTTPClientTLSFailure) -> Int
}

/// Why TLS could not be set up or used, as reported by an ``HTTPClientTLS`` implementation; the
/// message names the server and what to check. The same type as SkillGateCrypto's `TLSError`.
public typealias HTTPClientTLSFailure = KindedError<TLSFailureKind>

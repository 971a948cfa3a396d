import COpenSSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One TLS client connection over a connected non-blocking socket; every wait goes through `poll`,
/// bounded by a deadline and woken by an interrupt descriptor.
///
/// OpenSSL works on one end of a BIO pair and this type moves the ciphertext between the other end and
/// the socket with `send(MSG_NOSIGNAL)`/`recv`, so a peer that goes away never raises `SIGPIPE`.
/// Used by one thread at a time. The `SSL` is freed with the object; the socket stays the caller's
/// (close it after releasing this object).
public final class TLSConnection {
    private let fd: Int32
    private let ssl: OpaquePointer
    private let network: OpaquePointer
    /// `host:port`, for messages.
    public let endpoint: String
    /// The current operation's deadline and interrupt descriptor.
    private var deadline: ContinuousClock.Instant?
    private var interruptFD: Int32 = -1
    /// Ciphertext on its way between the socket and OpenSSL.
    private var transfer = [UInt8](repeating: 0, count: 16 * 1024)
    /// Whether `recv` has seen the end of the stream.
    private var peerClosed = false

    /// Prepares a TLS client that verifies the server's certificate and name on a connected socket.
    /// - Parameters:
    ///   - fd: a connected non-blocking socket; still the caller's to close.
    ///   - context: the configured client context (trust roots, TLS 1.2 or later).
    ///   - host: the name or IP address the certificate must carry; sent as SNI unless it is an IP address.
    ///   - endpoint: `host:port`, for messages.
    /// - Throws: ``TLSError/Kind/setupFailed`` when OpenSSL cannot set the connection up.
    public init(socket fd: Int32, context: TLSClientContext, host: String, endpoint: String) throws(TLSError) {
        OpenSSLErrorQueue.clear()
        guard let ssl = SSL_new(context.pointer) else {
            throw TLSError(.setupFailed, "OpenSSL could not create a TLS connection (\(OpenSSLErrorQueue.drain())).")
        }
        var inner: OpaquePointer?
        var network: OpaquePointer?
        guard BIO_new_bio_pair(&inner, 0, &network, 0) == 1, let inner, let network else {
            SSL_free(ssl)
            throw TLSError(.setupFailed, "OpenSSL could not create TLS buffers (\(OpenSSLErrorQueue.drain())).")
        }
        SSL_set_bio(ssl, inner, inner)  // the SSL owns `inner`; `network` is freed in deinit
        self.fd = fd
        self.ssl = ssl
        self.network = network
        self.endpoint = endpoint
        SSL_set_connect_state(ssl)
        guard Self.setExpectedName(host, on: ssl) else {
            throw TLSError(.setupFailed, "OpenSSL could not set \(host) as the name to verify (\(OpenSSLErrorQueue.drain())).")
        }
    }

    deinit {
        SSL_free(ssl)
        BIO_free(network)
    }

    /// Runs the TLS handshake, verifying the certificate chain and the host name.
    /// - Parameters:
    ///   - deadline: when to give up; nil waits as long as it takes.
    ///   - interruptFD: a descriptor whose readability stops the wait, or -1.
    /// - Throws: ``TLSError`` `.untrustedCertificate`, `.hostnameMismatch`, `.protocolFailed`,
    ///   `.connectionClosed`, `.connectionFailed`, `.timedOut` or `.interrupted`.
    public func handshake(deadline: ContinuousClock.Instant?, interruptFD: Int32) throws(TLSError) {
        (self.deadline, self.interruptFD) = (deadline, interruptFD)
        switch try drive("the TLS handshake with \(endpoint)", { SSL_connect($0) }) {
        case .done:
            return
        case .closed:
            throw TLSError(
                .protocolFailed, "\(endpoint) closed the connection during the TLS handshake; it may not speak TLS on this port.")
        }
    }

    /// Sends all of `bytes` over TLS.
    /// - Parameters:
    ///   - bytes: the plaintext.
    ///   - deadline: when to give up; nil waits as long as it takes.
    ///   - interruptFD: a descriptor whose readability stops the wait, or -1.
    /// - Throws: ``TLSError`` `.connectionClosed`, `.connectionFailed`, `.protocolFailed`, `.timedOut`
    ///   or `.interrupted`.
    public func write(_ bytes: UnsafeRawBufferPointer, deadline: ContinuousClock.Instant?, interruptFD: Int32) throws(TLSError) {
        (self.deadline, self.interruptFD) = (deadline, interruptFD)
        var offset = 0
        while offset < bytes.count {
            let count = Int32(clamping: bytes.count - offset)
            let step = try drive("sending to \(endpoint)") { ssl in
                SSL_write(ssl, bytes.baseAddress.map { $0 + offset }, count)
            }
            guard case .done(let written) = step else {
                throw TLSError(.connectionClosed, "\(endpoint) closed the connection before everything was sent.")
            }
            offset += Int(written)
        }
    }

    /// Reads the next decrypted bytes.
    /// - Parameters:
    ///   - buffer: where to put them.
    ///   - deadline: when to give up; nil waits as long as it takes.
    ///   - interruptFD: a descriptor whose readability stops the wait, or -1.
    /// - Returns: the number of bytes read; 0 when the server has closed the connection (cleanly or not).
    /// - Throws: ``TLSError`` `.connectionClosed`, `.connectionFailed`, `.protocolFailed`, `.timedOut`
    ///   or `.interrupted`.
    public func read(into buffer: UnsafeMutableRawBufferPointer, deadline: ContinuousClock.Instant?, interruptFD: Int32)
        throws(TLSError) -> Int
    {
        (self.deadline, self.interruptFD) = (deadline, interruptFD)
        guard !buffer.isEmpty else { return 0 }
        let outcome = try drive("reading from \(endpoint)") { ssl in
            SSL_read(ssl, buffer.baseAddress, Int32(clamping: buffer.count))
        }
        guard case .done(let count) = outcome else { return 0 }
        return Int(count)
    }

    /// What one OpenSSL call came to.
    private enum DriveOutcome {
        /// It succeeded with this positive result (bytes read or written, or 1).
        case done(Int32)
        /// The server closed the connection (with or without a TLS close_notify).
        case closed
    }

    /// Repeats an OpenSSL call, moving ciphertext between the socket and OpenSSL, until it completes.
    private func drive(_ what: @autoclosure () -> String, _ operation: (OpaquePointer) -> Int32) throws(TLSError)
        -> DriveOutcome
    {
        while true {
            OpenSSLErrorQueue.clear()
            let result = operation(ssl)
            if result > 0 {
                try flush(while: what())
                return .done(result)
            }
            let code = SSL_get_error(ssl, result)
            switch code {
            case SSL_ERROR_WANT_READ:
                try flush(while: what())
                if peerClosed { return .closed }
                try receive(while: what())
            case SSL_ERROR_WANT_WRITE:
                try flush(while: what())
            case SSL_ERROR_ZERO_RETURN:
                return .closed
            default:
                let failure = Self.failure(ssl: ssl, endpoint: endpoint, while: what())
                try? flush(while: what())  // best effort: let the server see our alert
                throw failure
            }
        }
    }

    /// Sends everything OpenSSL has queued for the network.
    private func flush(while what: @autoclosure () -> String) throws(TLSError) {
        while BIO_ctrl_pending(network) > 0 {
            let count = transfer.withUnsafeMutableBytes { BIO_read(network, $0.baseAddress, Int32(clamping: $0.count)) }
            guard count > 0 else { return }
            var offset = 0
            while offset < Int(count) {
                let sent = transfer.withUnsafeBytes { buffer in
                    send(fd, buffer.baseAddress.map { $0 + offset }, Int(count) - offset, Int32(MSG_NOSIGNAL))
                }
                if sent > 0 {
                    offset += sent
                } else if errno == EAGAIN || errno == EWOULDBLOCK {
                    try SocketWait.wait(fd, for: Int16(POLLOUT), deadline: deadline, interruptFD: interruptFD, while: what())
                } else if errno != EINTR {
                    throw connectionFailed(errno, while: what())
                }
            }
        }
    }

    /// Moves the next bytes from the socket to OpenSSL, waiting for them within the deadline.
    private func receive(while what: @autoclosure () -> String) throws(TLSError) {
        let room = min(transfer.count, Int(BIO_ctrl_get_write_guarantee(network)))
        guard room > 0 else { return }
        while true {
            let count = transfer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, room, 0) }
            if count == 0 {
                peerClosed = true
                return
            }
            if count > 0 {
                let accepted = transfer.withUnsafeBytes { BIO_write(network, $0.baseAddress, Int32(count)) }
                guard accepted == count else {
                    throw TLSError(
                        .protocolFailed, "OpenSSL did not take the bytes received from \(endpoint) (\(OpenSSLErrorQueue.drain())).")
                }
                return
            }
            if errno == EAGAIN || errno == EWOULDBLOCK {
                try SocketWait.wait(fd, for: Int16(POLLIN), deadline: deadline, interruptFD: interruptFD, while: what())
            } else if errno != EINTR {
                throw connectionFailed(errno, while: what())
            }
        }
    }

    private func connectionFailed(_ code: Int32, while what: String) -> TLSError {
        let kind: TLSError.Kind = code == ECONNRESET || code == EPIPE ? .connectionClosed : .connectionFailed
        return TLSError(kind, "The connection to \(endpoint) failed during \(what) (\(SocketWait.errorText(code))).")
    }
}

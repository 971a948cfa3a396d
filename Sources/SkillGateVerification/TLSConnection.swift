import COpenSSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One TLS client connection over a non-blocking socket, every wait bounded by a deadline.
///
/// OpenSSL works on one end of a BIO pair and this type moves the ciphertext between the other end and
/// the socket with `send(MSG_NOSIGNAL)`/`recv`, so a peer that goes away never raises `SIGPIPE` and
/// every wait goes through `poll` with the deadline.
/// Used by one thread at a time; the socket is closed and the `SSL` freed with the object.
final class TLSConnection {
    private let fd: Int32
    private let ssl: OpaquePointer
    private let network: OpaquePointer
    private let deadline: FetchDeadline
    /// `host:port`, for messages.
    let endpoint: String
    /// Ciphertext on its way between the socket and OpenSSL.
    private var transfer = [UInt8](repeating: 0, count: 16 * 1024)
    /// Decrypted bytes on their way to the caller of ``read(_:)``.
    private var plaintext = [UInt8](repeating: 0, count: 16 * 1024)
    /// Whether `recv` has seen the end of the stream.
    private var peerClosed = false

    /// Wraps a connected socket in a TLS client that verifies the server's certificate and name.
    /// - Parameters:
    ///   - fd: a connected non-blocking socket; owned from now on (closed even when this throws).
    ///   - context: the configured client context.
    ///   - host: the name or IP address the certificate must carry; sent as SNI unless it is an IP address.
    ///   - endpoint: `host:port`, for messages.
    ///   - deadline: when every operation must be finished.
    /// - Throws: ``CertificateFetchError/Code/tlsSetupFailed`` when OpenSSL cannot set the connection up.
    init(fd: Int32, context: TLSClientContext, host: String, endpoint: String, deadline: FetchDeadline) throws(CertificateFetchError) {
        OpenSSLErrorQueue.clear()
        guard let ssl = SSL_new(context.pointer) else {
            close(fd)
            throw CertificateFetchError(.tlsSetupFailed, "OpenSSL could not create a TLS connection (\(OpenSSLErrorQueue.drain())).")
        }
        var inner: OpaquePointer?
        var network: OpaquePointer?
        guard BIO_new_bio_pair(&inner, 0, &network, 0) == 1, let inner, let network else {
            SSL_free(ssl)
            close(fd)
            throw CertificateFetchError(.tlsSetupFailed, "OpenSSL could not create TLS buffers (\(OpenSSLErrorQueue.drain())).")
        }
        SSL_set_bio(ssl, inner, inner)  // the SSL owns `inner`; `network` is freed in deinit
        self.fd = fd
        self.ssl = ssl
        self.network = network
        self.deadline = deadline
        self.endpoint = endpoint
        SSL_set_connect_state(ssl)
        guard Self.setExpectedName(host, on: ssl) else {
            throw CertificateFetchError(
                .tlsSetupFailed, "OpenSSL could not set \(host) as the name to verify (\(OpenSSLErrorQueue.drain())).")
        }
    }

    deinit {
        SSL_free(ssl)
        BIO_free(network)
        close(fd)
    }

    /// Runs the TLS handshake, verifying the certificate chain and the host name.
    /// - Throws: ``CertificateFetchError`` `.untrustedCertificate`, `.hostnameMismatch`,
    ///   `.tlsFailed`, `.connectionFailed` or `.timedOut`.
    func handshake() throws(CertificateFetchError) {
        switch try drive("the TLS handshake with \(endpoint)", { SSL_connect($0) }) {
        case .done:
            return
        case .closed:
            throw CertificateFetchError(
                .tlsFailed, "\(endpoint) closed the connection during the TLS handshake; it may not speak TLS on this port.")
        }
    }

    /// Sends all of `bytes` over TLS.
    /// - Throws: ``CertificateFetchError`` `.connectionFailed` or `.timedOut`.
    func write(_ bytes: [UInt8]) throws(CertificateFetchError) {
        var offset = 0
        while offset < bytes.count {
            let count = Int32(clamping: bytes.count - offset)
            let step = try drive("sending the request to \(endpoint)") { ssl in
                bytes.withUnsafeBytes { SSL_write(ssl, $0.baseAddress.map { $0 + offset }, count) }
            }
            guard case .done(let written) = step else {
                throw CertificateFetchError(.connectionFailed, "\(endpoint) closed the connection before the request was sent.")
            }
            offset += Int(written)
        }
    }

    /// Reads the next decrypted bytes.
    /// - Parameter body: called with the bytes read; valid only during the call.
    /// - Returns: false when the server has closed the connection (cleanly or not).
    /// - Throws: ``CertificateFetchError`` `.connectionFailed`, `.tlsFailed` or `.timedOut`, or
    ///   whatever `body` throws.
    func read(_ body: (UnsafeRawBufferPointer) throws(CertificateFetchError) -> Void) throws(CertificateFetchError) -> Bool {
        let outcome = try drive("reading the response from \(endpoint)") { ssl in
            plaintext.withUnsafeMutableBytes { SSL_read(ssl, $0.baseAddress, Int32(clamping: $0.count)) }
        }
        guard case .done(let count) = outcome else { return false }
        let delivered = plaintext.withUnsafeBytes { buffer in
            Result { () throws(CertificateFetchError) in try body(UnsafeRawBufferPointer(rebasing: buffer[..<Int(count)])) }
        }
        try delivered.get()
        return true
    }

    /// What one OpenSSL call came to.
    private enum DriveOutcome {
        /// It succeeded with this positive result (bytes read or written, or 1).
        case done(Int32)
        /// The server closed the connection (with or without a TLS close_notify).
        case closed
    }

    /// Repeats an OpenSSL call, moving ciphertext between the socket and OpenSSL, until it completes.
    private func drive(_ what: @autoclosure () -> String, _ operation: (OpaquePointer) -> Int32) throws(CertificateFetchError)
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
    private func flush(while what: @autoclosure () -> String) throws(CertificateFetchError) {
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
                    try deadline.wait(for: fd, events: Int16(POLLOUT), while: what())
                } else if errno != EINTR {
                    throw connectionFailed(errno, while: what())
                }
            }
        }
    }

    /// Moves the next bytes from the socket to OpenSSL, waiting for them within the deadline.
    private func receive(while what: @autoclosure () -> String) throws(CertificateFetchError) {
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
                    throw CertificateFetchError(
                        .tlsFailed, "OpenSSL did not take the bytes received from \(endpoint) (\(OpenSSLErrorQueue.drain())).")
                }
                return
            }
            if errno == EAGAIN || errno == EWOULDBLOCK {
                try deadline.wait(for: fd, events: Int16(POLLIN), while: what())
            } else if errno != EINTR {
                throw connectionFailed(errno, while: what())
            }
        }
    }

    private func connectionFailed(_ code: Int32, while what: String) -> CertificateFetchError {
        CertificateFetchError(.connectionFailed, "The connection to \(endpoint) failed during \(what) (\(TCPConnector.errorText(code))).")
    }
}

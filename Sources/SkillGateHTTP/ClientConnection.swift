#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Failures of the client's socket I/O, before they are turned into ``HTTPClientError``.
enum ClientIOError: Error {
    case timedOut
    case interrupted
    /// The peer closed or reset the connection; `receivedResponseBytes` tells whether any answer began.
    case closed(receivedResponseBytes: Bool)
    /// Name resolution failed.
    case hostNotFound(String)
    /// No address accepted the connection; `code` is the last `errno`.
    case connectFailed(String, code: Int32)
    case system(String, Int32)
    case malformed(String)
    case tooLarge
    /// An `https` request on a client without TLS.
    case tlsUnavailable
    /// The TLS layer failed.
    case tls(HTTPClientTLSFailure)
}

/// One client connection, plain or TLS, with blocking-style I/O built on `poll`, honouring a deadline
/// and an interrupt pipe (written by cancellation or ``HTTPClient/close()``).
final class ClientConnection: @unchecked Sendable {
    // Safety of @unchecked Sendable: a connection is used by one request at a time on the
    // client's serial queue; it is handed between requests through the client's mutex.

    let fd: Int32
    /// What the connection is for.
    let origin: ClientOrigin
    /// The TLS session for `https`; nil for plain `http`.
    private var tls: (any HTTPClientTLSStream)?
    /// Received bytes not yet consumed.
    var buffer: [UInt8] = []
    /// Total bytes received on this connection.
    var receivedTotal = 0
    /// The head of the response being read, from when it is parsed until its body is complete:
    /// what a failure in the body can still report (``HTTPClientError/partialResponse``).
    var receivedHead: HTTPClientResponse?

    private init(fd: Int32, origin: ClientOrigin) {
        self.fd = fd
        self.origin = origin
    }

    /// Resolves the origin's host within the deadline, connects to its first reachable address and,
    /// for `https`, runs the TLS handshake.
    static func connect(
        to origin: ClientOrigin, tls: (any HTTPClientTLS)?, deadline: ContinuousClock.Instant?, interruptFD: Int32
    ) throws(ClientIOError) -> ClientConnection {
        if origin.scheme == .https && tls == nil { throw .tlsUnavailable }
        let addresses = try ClientResolver.resolve(host: origin.host, port: origin.port, deadline: deadline, interruptFD: interruptFD)
        var lastError = "no addresses for \(origin.host)"
        var lastCode: Int32 = 0
        for address in addresses {
            let fd = socket(address.family, Platform.streamSocketType, 0)
            guard fd >= 0 else { throw .system("socket", errno) }
            Socket.makeNonBlocking(fd)
            Socket.setNoDelay(fd)
            Platform.prepareSocket(fd)
            var storage = address.storage
            let status = withUnsafePointer(to: &storage) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { Platform.connect(fd, $0, address.length) }
            }
            let connection = ClientConnection(fd: fd, origin: origin)
            var code = status == 0 ? 0 : errno
            if code == EINPROGRESS {
                do {
                    try ClientWait.wait(for: fd, events: Int16(POLLOUT), deadline: deadline, interruptFD: interruptFD)
                } catch {
                    connection.close()
                    throw error
                }
                var length = socklen_t(MemoryLayout<Int32>.size)
                getsockopt(fd, SOL_SOCKET, SO_ERROR, &code, &length)
            }
            if code == 0 {
                try connection.startTLS(tls, deadline: deadline, interruptFD: interruptFD)
                return connection
            }
            lastError = SystemError.message(code)
            lastCode = code
            connection.close()
        }
        throw .connectFailed("cannot connect to \(origin.endpoint): \(lastError)", code: lastCode)
    }

    /// Runs the TLS handshake for an `https` origin; closes the connection when it fails.
    private func startTLS(_ tls: (any HTTPClientTLS)?, deadline: ContinuousClock.Instant?, interruptFD: Int32) throws(ClientIOError) {
        guard origin.scheme == .https, let tls else { return }
        do {
            self.tls = try tls.handshake(socket: fd, host: origin.host, port: origin.port, deadline: deadline, interruptFD: interruptFD)
        } catch {
            close()
            switch error.kind {
            case .timedOut: throw .timedOut
            case .interrupted: throw .interrupted
            default: throw .tls(error)
            }
        }
    }

    /// Whether an idle kept-alive connection still looks usable (not closed by the server). Any byte
    /// waiting on an idle TLS connection counts as unusable too: the client then reconnects.
    var isReusable: Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&entry, 1, 0)
        if ready == 0 { return true }
        var byte: UInt8 = 0
        let peeked = recv(fd, &byte, 1, Int32(MSG_PEEK) | Int32(MSG_DONTWAIT))
        // EOF, an error, or unsolicited bytes all mean the connection cannot carry a new request.
        return peeked < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)
    }

    /// Sends every byte.
    func writeAll(_ bytes: [UInt8], deadline: ContinuousClock.Instant?, interruptFD: Int32) throws(ClientIOError) {
        if let tls {
            let sent = bytes.withUnsafeBytes { raw in
                Result { () throws(HTTPClientTLSFailure) in try tls.write(raw, deadline: deadline, interruptFD: interruptFD) }
            }
            if case .failure(let failure) = sent { throw Self.map(failure, receivedResponseBytes: false) }
            return
        }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return send(fd, base + offset, bytes.count - offset, Platform.sendFlags)
            }
            if written > 0 {
                offset += written
            } else {
                try awaitRetry(
                    after: "send", errno, events: Int16(POLLOUT), receivedResponseBytes: false, deadline: deadline, interruptFD: interruptFD
                )
            }
        }
    }

    /// Reads whatever arrives next into ``buffer``.
    /// - Returns: the number of bytes read; 0 means the server closed the connection.
    func readMore(deadline: ContinuousClock.Instant?, interruptFD: Int32) throws(ClientIOError) -> Int {
        while true {
            let outcome = withUnsafeTemporaryAllocation(byteCount: 65536, alignment: 16) { scratch in
                Result { () throws(ClientIOError) -> Int in
                    let count = try receive(into: scratch, deadline: deadline, interruptFD: interruptFD)
                    if count > 0, let base = scratch.baseAddress {
                        buffer.append(contentsOf: UnsafeRawBufferPointer(start: base, count: count))
                    }
                    return count
                }
            }
            let count = try outcome.get()
            if count >= 0 {
                receivedTotal += count
                return count
            }
            try awaitRetry(
                after: "recv", errno, events: Int16(POLLIN), receivedResponseBytes: receivedTotal > 0, deadline: deadline,
                interruptFD: interruptFD)
        }
    }

    /// After a plain `send` or `recv` failed with `code`: waits until the socket is ready for `events`
    /// when it would have blocked, returns at once after a signal (EINTR), so the caller tries
    /// again; throws ``ClientIOError/closed(receivedResponseBytes:)`` when the peer closed or reset
    /// the connection, and ``ClientIOError/system(_:_:)`` for anything else.
    private func awaitRetry(
        after call: String, _ code: Int32, events: Int16, receivedResponseBytes: Bool, deadline: ContinuousClock.Instant?,
        interruptFD: Int32
    ) throws(ClientIOError) {
        switch code {
        case EAGAIN, EWOULDBLOCK:
            try ClientWait.wait(for: fd, events: events, deadline: deadline, interruptFD: interruptFD)
        case EINTR:
            return
        case EPIPE, ECONNRESET:
            throw .closed(receivedResponseBytes: receivedResponseBytes)
        default:
            throw .system(call, code)
        }
    }

    /// One `recv` (or one TLS read, which waits by itself); -1 with `errno` set when a plain read failed.
    private func receive(into scratch: UnsafeMutableRawBufferPointer, deadline: ContinuousClock.Instant?, interruptFD: Int32)
        throws(ClientIOError) -> Int
    {
        guard let tls else { return scratch.baseAddress.map { recv(fd, $0, scratch.count, 0) } ?? -1 }
        do {
            return try tls.read(into: scratch, deadline: deadline, interruptFD: interruptFD)
        } catch {
            throw Self.map(error, receivedResponseBytes: receivedTotal > 0)
        }
    }

    /// A TLS failure during an exchange as the client's I/O error.
    private static func map(_ failure: HTTPClientTLSFailure, receivedResponseBytes: Bool) -> ClientIOError {
        switch failure.kind {
        case .timedOut: .timedOut
        case .interrupted: .interrupted
        case .connectionClosed: .closed(receivedResponseBytes: receivedResponseBytes)
        default: .tls(failure)
        }
    }

    /// Releases the TLS session, then closes the socket.
    func close() {
        tls = nil
        Platform.closeDescriptor(fd)
    }
}

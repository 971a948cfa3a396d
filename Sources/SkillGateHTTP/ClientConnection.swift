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
    case connectFailed(String)
    case system(String, Int32)
    case malformed(String)
    case tooLarge
}

/// One client socket with blocking-style I/O built on `poll`, honouring a deadline and an
/// interrupt pipe (written by cancellation or ``HTTPClient/close()``).
final class ClientConnection: @unchecked Sendable {
    // Safety of @unchecked Sendable: a connection is used by one request at a time on the
    // client's serial queue; it is handed between requests through the client's mutex.

    let fd: Int32
    /// Received bytes not yet consumed.
    var buffer: [UInt8] = []
    /// Total bytes received on this connection.
    var receivedTotal = 0

    private init(fd: Int32) {
        self.fd = fd
    }

    /// Connects to the first reachable address of `host:port`.
    static func connect(host: String, port: Int, deadline: UInt64?, interruptFD: Int32) throws(ClientIOError)
        -> ClientConnection
    {
        let addresses: [SocketAddress]
        switch SocketAddress.resolve(host: host, port: port, passive: false) {
        case .success(let list): addresses = list
        case .failure(let failure): throw .connectFailed("cannot resolve \(host): \(failure.reason)")
        }
        var lastError = "no addresses for \(host)"
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
            let connection = ClientConnection(fd: fd)
            if status == 0 { return connection }
            guard errno == EINPROGRESS else {
                lastError = SystemError.message(errno)
                connection.close()
                continue
            }
            do {
                try connection.wait(for: Int16(POLLOUT), deadline: deadline, interruptFD: interruptFD)
            } catch {
                connection.close()
                throw error
            }
            var code: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &code, &length)
            if code == 0 { return connection }
            lastError = SystemError.message(code)
            connection.close()
        }
        throw .connectFailed("cannot connect to \(host):\(port): \(lastError)")
    }

    /// Whether an idle kept-alive connection still looks usable (not closed by the server).
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
    func writeAll(_ bytes: [UInt8], deadline: UInt64?, interruptFD: Int32) throws(ClientIOError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return send(fd, base + offset, bytes.count - offset, Platform.sendFlags)
            }
            if written > 0 {
                offset += written
                continue
            }
            let code = errno
            switch code {
            case EAGAIN, EWOULDBLOCK:
                try wait(for: Int16(POLLOUT), deadline: deadline, interruptFD: interruptFD)
            case EINTR:
                continue
            case EPIPE, ECONNRESET:
                throw .closed(receivedResponseBytes: false)
            default:
                throw .system("send", code)
            }
        }
    }

    /// Reads whatever arrives next into ``buffer``.
    /// - Returns: the number of bytes read; 0 means the server closed the connection.
    func readMore(deadline: UInt64?, interruptFD: Int32) throws(ClientIOError) -> Int {
        while true {
            let count = withUnsafeTemporaryAllocation(byteCount: 65536, alignment: 16) { scratch -> Int in
                guard let base = scratch.baseAddress else { return -1 }
                let count = recv(fd, base, scratch.count, 0)
                if count > 0 {
                    buffer.append(contentsOf: UnsafeRawBufferPointer(start: base, count: count))
                }
                return count
            }
            if count >= 0 {
                receivedTotal += count
                return count
            }
            let code = errno
            switch code {
            case EAGAIN, EWOULDBLOCK:
                try wait(for: Int16(POLLIN), deadline: deadline, interruptFD: interruptFD)
            case EINTR:
                continue
            case ECONNRESET:
                throw .closed(receivedResponseBytes: receivedTotal > 0)
            default:
                throw .system("recv", code)
            }
        }
    }

    /// Waits until the socket is ready for `events`, the deadline passes, or the interrupt pipe fires.
    private func wait(for events: Int16, deadline: UInt64?, interruptFD: Int32) throws(ClientIOError) {
        while true {
            var timeout: Int32 = -1
            if let deadline {
                let now = MonotonicClock.now()
                guard now < deadline else { throw .timedOut }
                timeout = Int32(min((deadline - now + 999_999) / 1_000_000, UInt64(Int32.max)))
            }
            var entries = [
                pollfd(fd: fd, events: events, revents: 0),
                pollfd(fd: interruptFD, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&entries, 2, timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                throw .system("poll", errno)
            }
            if entries[1].revents != 0 { throw .interrupted }
            if entries[0].revents != 0 { return }
        }
    }

    /// Closes the socket.
    func close() {
        Platform.closeDescriptor(fd)
    }
}

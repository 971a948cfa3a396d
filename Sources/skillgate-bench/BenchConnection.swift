#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One blocking HTTP/1.1 keep-alive connection on loopback, for the fault benchmark's client
/// threads. It writes a request and reads one `Content-Length`-framed answer, and says exactly
/// what happened, so a request that reached the socket but was never answered is counted.
/// Used by one thread at a time; SIGPIPE must be ignored (``FaultBenchmark`` does it).
final class BenchConnection {
    /// What became of one request.
    enum Outcome: Equatable {
        /// Answered; `close` when the server said `Connection: close`.
        case answered(status: Int, close: Bool)
        /// Not written: the server had already closed the connection (seen before writing, as a
        /// client that pools connections checks), or not a byte could be written.
        case notWritten
        /// Written (in whole or in part) but no complete answer came: closed, reset or timed out.
        case unanswered
    }

    private let fd: Int32
    private var buffer: [UInt8] = []
    /// Where `recv` writes, reused for every read.
    private var chunk = [UInt8](repeating: 0, count: 16 * 1024)

    private init(fd: Int32) {
        self.fd = fd
    }

    deinit {
        close(fd)
    }

    /// Connects to `127.0.0.1:port`, from `source` (another loopback address, e.g. `127.0.0.2`) if given.
    /// - Parameters:
    ///   - port: the server's port.
    ///   - source: the local address to bind first; nil lets the kernel choose.
    ///   - timeoutSeconds: how long a read or write may block before the request counts as unanswered.
    /// - Returns: the connection, or nil when the server refused it (or is not listening).
    static func open(port: Int, source: String? = nil, timeoutSeconds: Int = 10) -> BenchConnection? {
        guard let fd = connectedSocket(port: port, source: source, blocking: true) else { return nil }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        let size = socklen_t(MemoryLayout<timeval>.size)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, size)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, size)
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        return BenchConnection(fd: fd)
    }

    /// A TCP socket connected to `127.0.0.1:port`, or nil.
    static func connectedSocket(port: Int, source: String?, blocking: Bool) -> Int32? {
        guard let fd = boundSocket(source) else { return nil }
        var remote = address("127.0.0.1", port: port)
        let connected = withUnsafePointer(to: &remote) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            return nil
        }
        if !blocking {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        return fd
    }

    /// Whether the loopback address `source` can be bound here (every 127/8 address can on Linux).
    static func canBind(_ source: String) -> Bool {
        guard let fd = boundSocket(source) else { return false }
        close(fd)
        return true
    }

    /// A new TCP socket, bound to `source` (port 0) when given.
    private static func boundSocket(_ source: String?) -> Int32? {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return nil }
        guard let source else { return fd }
        var local = address(source, port: 0)
        let bound = withUnsafePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    private static func address(_ host: String, port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr(host)
        return address
    }

    /// Writes `request` and reads its answer.
    func exchange(_ request: [UInt8]) -> Outcome {
        if peerHasClosed() { return .notWritten }
        let written = write(request)
        if written == 0 { return .notWritten }
        guard written == request.count, let answer = readResponse() else { return .unanswered }
        return .answered(status: answer.status, close: answer.close)
    }

    /// Whether the server has closed the connection (or sent something unasked), without blocking.
    private func peerHasClosed() -> Bool {
        var byte: UInt8 = 0
        let count = recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        if count < 0 { return errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR }
        return true
    }

    /// Writes as much of `bytes` as the connection takes; returns how many bytes were written.
    private func write(_ bytes: [UInt8]) -> Int {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                send(fd, raw.baseAddress.map { $0 + offset }, bytes.count - offset, 0)
            }
            if count > 0 {
                offset += count
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        return offset
    }

    /// Reads one response: its status and whether it closes the connection; nil on EOF, reset or timeout.
    private func readResponse() -> (status: Int, close: Bool)? {
        var scanned = 0
        var headEnd: Int?
        while headEnd == nil {
            headEnd = Self.headEnd(in: buffer, from: scanned)
            if headEnd != nil { break }
            scanned = max(0, buffer.count - 3)
            guard receive() else { return nil }
        }
        guard let headEnd, let head = Self.parseHead(buffer[..<headEnd]) else { return nil }
        let total = headEnd + head.contentLength
        while buffer.count < total {
            guard receive() else { return nil }
        }
        buffer.removeFirst(total)
        return (head.status, head.close)
    }

    /// Appends what the socket has to `buffer`; false on EOF, error or timeout.
    private func receive() -> Bool {
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
                return true
            }
            if count < 0 && errno == EINTR { continue }
            return false
        }
    }

    /// The index just past the `\r\n\r\n` ending the head, if the buffer holds it.
    private static func headEnd(in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= 4 else { return nil }
        var index = start
        while index + 3 < bytes.count {
            if bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
                return index + 4
            }
            index += 1
        }
        return nil
    }

    /// The status, `Content-Length` and `Connection: close` of a response head.
    private static func parseHead(_ head: ArraySlice<UInt8>) -> (status: Int, contentLength: Int, close: Bool)? {
        let lines = String(decoding: head, as: UTF8.self).split(separator: "\r\n")
        guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/1.") else { return nil }
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { return nil }
        var contentLength = 0
        var close = statusLine.hasPrefix("HTTP/1.0")
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingSpaces.lowercased()
            if name == "content-length" {
                contentLength = Int(value) ?? 0
            } else if name == "connection" {
                close = value.contains("close")
            }
        }
        return (status, contentLength, close)
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Dispatch

/// A blocking IPv4 TCP client socket bound to a chosen source address before it connects, so a
/// test can play several client addresses on loopback (Linux routes all of 127.0.0.0/8 there:
/// 127.0.0.2, 127.0.0.3, …). Each blocking call runs on the socket's own dispatch queue, never on
/// a Swift concurrency thread; reads and writes give up after 10 s.
public final class SourceBoundSocket: @unchecked Sendable {
    // Safety: `buffer` is touched only on `queue`.
    private let fd: Int32
    private var buffer: [UInt8] = []
    private let queue = DispatchQueue(label: "SourceBoundSocket")

    /// A response as read off the socket.
    public struct Response: Sendable {
        /// The status code.
        public var status: Int
        /// The header fields, names lowercased.
        public var headers: [String: String]
        /// The body (framed by `Content-Length`).
        public var body: [UInt8]
        /// The body as UTF-8 text.
        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    private init(fd: Int32) {
        self.fd = fd
    }

    deinit {
        close(fd)
    }

    /// Connects from `source` (port chosen by the kernel) to `host:port` and sends `firstBytes`.
    /// - Throws: ``TLSTestError`` when the socket cannot be bound or connected.
    public static func connect(
        to port: Int, host: String = "127.0.0.1", from source: String = "127.0.0.1", firstBytes: [UInt8] = []
    ) async throws -> SourceBoundSocket {
        let queue = DispatchQueue(label: "SourceBoundSocket.connect")
        let fd: Int32 = try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(
                    with: Result { try connectBlocking(port: port, host: host, source: source, firstBytes: firstBytes) })
            }
        }
        return SourceBoundSocket(fd: fd)
    }

    /// Sends `text` as UTF-8.
    public func send(_ text: String) async throws {
        let bytes = Array(text.utf8)
        try await onQueue {
            guard Self.sendAll(self.fd, bytes) else { throw TLSTestError("send failed: errno \(errno)") }
        }
    }

    /// Reads one response; nil when the server closed (or reset) the connection before any byte.
    public func readResponse() async throws -> Response? {
        try await onQueue { try self.readResponseBlocking() }
    }

    /// Whether the server closes the connection (EOF or reset) with no further bytes within 10 s.
    public func waitForClose() async throws -> Bool {
        try await onQueue {
            guard self.buffer.isEmpty else { return false }
            var byte: UInt8 = 0
            let count = recv(self.fd, &byte, 1, 0)
            return count == 0 || (count < 0 && errno == ECONNRESET)
        }
    }

    /// Shuts the write side: the server sees the end of input.
    public func shutdownWrite() {
        _ = shutdown(fd, Int32(SHUT_WR))
    }

    private static func connectBlocking(port: Int, host: String, source: String, firstBytes: [UInt8]) throws -> Int32 {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw TLSTestError("socket failed: errno \(errno)") }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var local = sockaddr_in()
        local.sin_family = sa_family_t(AF_INET)
        local.sin_addr.s_addr = inet_addr(source)
        let bound = withUnsafePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else {
            let code = errno
            close(fd)
            throw TLSTestError("binding the client socket to \(source) failed: errno \(code)")
        }
        var remote = sockaddr_in()
        remote.sin_family = sa_family_t(AF_INET)
        remote.sin_port = in_port_t(UInt16(clamping: port).bigEndian)
        remote.sin_addr.s_addr = inet_addr(host)
        let connected = withUnsafePointer(to: &remote) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                systemConnect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let code = errno
            close(fd)
            throw TLSTestError("connecting from \(source) to \(host):\(port) failed: errno \(code)")
        }
        guard sendAll(fd, firstBytes) else {
            let code = errno
            close(fd)
            throw TLSTestError("send failed: errno \(code)")
        }
        return fd
    }

    private static func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                systemSend(fd, raw.baseAddress.map { $0 + offset }, bytes.count - offset)
            }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    /// Reads more bytes; false at EOF or reset.
    private func readMore() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16384)
        let count = recv(fd, &chunk, chunk.count, 0)
        if count < 0 {
            if errno == ECONNRESET { return false }
            throw TLSTestError("recv failed or timed out: errno \(errno)")
        }
        buffer.append(contentsOf: chunk[0..<count])
        return count > 0
    }

    private func readResponseBlocking() throws -> Response? {
        if buffer.isEmpty {
            guard try readMore() else { return nil }
        }
        let separator = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while headEnd == nil {
            headEnd = buffer.firstRange(of: separator)?.upperBound
            if headEnd == nil {
                guard try readMore() else { throw TLSTestError("closed before a complete response head") }
            }
        }
        let end = headEnd ?? 0
        let head = String(decoding: buffer[0..<end], as: UTF8.self)
        buffer.removeFirst(end)
        var lines = head.split(separator: "\r\n").map(String.init)
        let statusLine = lines.isEmpty ? [] : lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw TLSTestError("bad status line in \(head)")
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = String(line[line.index(after: colon)...].drop { $0 == " " })
        }
        let length = headers["content-length"].flatMap { Int($0) } ?? 0
        while buffer.count < length {
            guard try readMore() else { throw TLSTestError("closed mid-body") }
        }
        let body = Array(buffer[0..<length])
        buffer.removeFirst(length)
        return Response(status: status, headers: headers, body: body)
    }

    private func onQueue<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}

// File-scope forwarders: inside the class the names would resolve to its own methods.
private func systemConnect(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
    connect(fd, address, length)
}

private func systemSend(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    #if os(Linux)
        send(fd, bytes, count, Int32(MSG_NOSIGNAL))
    #else
        send(fd, bytes, count, 0)
    #endif
}

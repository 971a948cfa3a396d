import Dispatch
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import SkillGateHTTP

/// A response read by ``RawClient``.
struct RawResponse {
    var status: Int
    var headers: HTTPHeaders
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
}

struct RawClientError: Error, CustomStringConvertible {
    var description: String
}

/// A test client on a plain blocking socket for sending exact bytes; blocking calls run on a
/// dispatch queue so they never hold a Swift concurrency thread.
final class RawClient: @unchecked Sendable {
    // Safety: `buffer` is touched only on `queue` (reads); sends run on `sendQueue`, and a
    // socket may be read and written from two threads at once.
    private let fd: Int32
    private var buffer: [UInt8] = []
    private let queue = DispatchQueue(label: "RawClient.read")
    private let sendQueue = DispatchQueue(label: "RawClient.send")

    private init(fd: Int32) {
        self.fd = fd
    }

    deinit {
        Glibc.close(fd)
    }

    /// `connect(2)` to a `sockaddr_in` or `sockaddr_in6`.
    private static func connectSocket<Address>(_ fd: Int32, to address: inout Address) -> Int32 {
        withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<Address>.size)) }
        }
    }

    /// Connects to `host:port` (IPv4 or IPv6 literal) and sends `firstBytes` at once, from the
    /// same thread: a connection that stays silent past the header timeout may be closed with no answer.
    static func connect(port: Int, host: String = "127.0.0.1", firstBytes: [UInt8] = []) async throws -> RawClient {
        try await onQueue(DispatchQueue(label: "RawClient.connect")) {
            let ipv6 = host.contains(":")
            let fd = socket(ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { throw RawClientError(description: "socket failed") }
            var timeout = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let status: Int32
            if ipv6 {
                var address = sockaddr_in6()
                address.sin6_family = sa_family_t(AF_INET6)
                address.sin6_port = in_port_t(UInt16(port).bigEndian)
                inet_pton(AF_INET6, host, &address.sin6_addr)
                status = connectSocket(fd, to: &address)
            } else {
                var address = sockaddr_in()
                address.sin_family = sa_family_t(AF_INET)
                address.sin_port = in_port_t(UInt16(port).bigEndian)
                inet_pton(AF_INET, host, &address.sin_addr)
                status = connectSocket(fd, to: &address)
            }
            guard status == 0 else {
                let code = errno
                Glibc.close(fd)
                throw RawClientError(description: "connect failed: errno \(code)")
            }
            if !firstBytes.isEmpty {
                let written = firstBytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                guard written == firstBytes.count else {
                    Glibc.close(fd)
                    throw RawClientError(description: "send failed: errno \(errno)")
                }
            }
            return RawClient(fd: fd)
        }
    }

    /// Sends text exactly as given.
    func send(_ text: String) async throws {
        try await send(bytes: Array(text.utf8))
    }

    /// Sends bytes exactly as given.
    func send(bytes: [UInt8]) async throws {
        try await Self.onQueue(sendQueue) {
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { raw in
                    Glibc.send(self.fd, raw.baseAddress.map { $0 + offset }, bytes.count - offset, Int32(MSG_NOSIGNAL))
                }
                guard written > 0 else { throw RawClientError(description: "send failed: errno \(errno)") }
                offset += written
            }
        }
    }

    /// Reads one response (Content-Length framed, or until close); nil if the server closed first.
    func readResponse() async throws -> RawResponse? {
        try await Self.onQueue(queue) { try self.readResponseBlocking(headOnly: false) }
    }

    /// Reads a response head only (for HEAD requests, whose Content-Length describes no body).
    func readResponseHeadOnly() async throws -> RawResponse? {
        try await Self.onQueue(queue) { try self.readResponseBlocking(headOnly: true) }
    }

    /// Reads `count` responses in order.
    func readResponses(_ count: Int) async throws -> [RawResponse] {
        var responses: [RawResponse] = []
        for _ in 0..<count {
            guard let response = try await readResponse() else { break }
            responses.append(response)
        }
        return responses
    }

    /// Reads the interim `100 Continue` line block.
    func readInterim() async throws -> String {
        try await Self.onQueue(queue) {
            let end = try self.fillUntilHeadEnd()
            let text = String(decoding: self.buffer[0..<end], as: UTF8.self)
            self.buffer.removeFirst(end)
            return text
        }
    }

    /// Whether the server closes the connection (EOF or reset) with no further bytes within 10 s.
    func waitForClose() async throws -> Bool {
        try await Self.onQueue(queue) {
            guard self.buffer.isEmpty else { return false }
            var byte: UInt8 = 0
            let count = recv(self.fd, &byte, 1, 0)
            return count == 0 || (count < 0 && errno == ECONNRESET)
        }
    }

    /// Closes the socket now (the server sees EOF).
    func shutdownWrite() {
        Glibc.shutdown(fd, Int32(SHUT_WR))
    }

    private func readMore() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = recv(fd, &chunk, chunk.count, 0)
        if count < 0 {
            if errno == ECONNRESET { return false }
            throw RawClientError(description: "recv failed or timed out: errno \(errno)")
        }
        buffer.append(contentsOf: chunk[0..<count])
        return count > 0
    }

    private func fillUntilHeadEnd() throws -> Int {
        while true {
            if let range = buffer.firstRange(of: Array("\r\n\r\n".utf8)) { return range.upperBound }
            guard try readMore() else { throw RawClientError(description: "closed before a complete head") }
        }
    }

    private func readResponseBlocking(headOnly: Bool) throws -> RawResponse? {
        if buffer.isEmpty {
            guard try readMore() else { return nil }
        }
        let end = try fillUntilHeadEnd()
        let head = String(decoding: buffer[0..<end], as: UTF8.self)
        buffer.removeFirst(end)
        var lines = head.split(separator: "\r\n").map(String.init)
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw RawClientError(description: "bad status line in \(head)")
        }
        var headers = HTTPHeaders()
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.add(
                name: String(line[..<colon]), value: String(line[line.index(after: colon)...].drop { $0 == " " }))
        }
        let length = headOnly ? 0 : headers["Content-Length"].flatMap { Int($0) } ?? 0
        while buffer.count < length {
            guard try readMore() else { throw RawClientError(description: "closed mid-body") }
        }
        let body = Array(buffer[0..<length])
        buffer.removeFirst(length)
        return RawResponse(status: status, headers: headers, body: body)
    }

    private static func onQueue<T: Sendable>(
        _ queue: DispatchQueue, _ work: @escaping @Sendable () throws -> T
    ) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}

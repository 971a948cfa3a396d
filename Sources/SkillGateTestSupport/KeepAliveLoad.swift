import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// Keep-alive clients sending one request after another on blocking sockets, each on a thread of
/// its own, counting what happened to every request: answered, never written because the server
/// had already ended the connection, or written and then lost (EOF or reset before a full
/// response). A server that drains gracefully loses none.
public final class KeepAliveLoad: Sendable {
    /// What happened to the requests so far.
    public struct Counts: Sendable, CustomStringConvertible {
        /// Full responses received.
        public var answered = 0
        /// Of those, how many said `Connection: close`.
        public var answeredClose = 0
        /// Of those, how many had a status other than 2xx (a proxy's 502, a server's 503).
        public var failedStatus = 0
        /// Requests not sent because the server had closed the connection before the write.
        public var closedBeforeWrite = 0
        /// Requests written whose response never (fully) came: the failure this load looks for.
        public var lost = 0
        /// Connections that could not be opened.
        public var connectFailures = 0
        /// Clients that have ended.
        public var finished = 0

        /// The counts in one line.
        public var description: String {
            "answered \(answered) (\(answeredClose) with Connection: close, \(failedStatus) not 2xx), "
                + "closed before write \(closedBeforeWrite), "
                + "lost \(lost), connect failures \(connectFailures), clients finished \(finished)"
        }
    }

    private let counts = Mutex(Counts())
    private let stop = Atomic<Bool>(false)
    /// The server's port on 127.0.0.1.
    public let port: Int
    /// The exact bytes of one request.
    public let request: [UInt8]

    /// - Parameters:
    ///   - port: the server's port on 127.0.0.1.
    ///   - request: the exact bytes of one request (a keep-alive one, answered with a Content-Length).
    public init(port: Int, request: [UInt8]) {
        self.port = port
        self.request = request
    }

    /// The counts now.
    public var snapshot: Counts { counts.withLock { $0 } }

    /// Starts `clients` threads; each connects once and sends until the server ends the connection.
    public func start(clients: Int) {
        for _ in 0..<clients {
            Thread.detachNewThread { self.runClient() }
        }
    }

    /// Makes the clients still running end after their current request.
    public func finish() {
        stop.store(true, ordering: .relaxed)
    }

    private func record(_ change: (inout Counts) -> Void) {
        counts.withLock { change(&$0) }
    }

    private func runClient() {
        defer { record { $0.finished += 1 } }
        guard let fd = Self.openConnection(port: port) else {
            record { $0.connectFailures += 1 }
            return
        }
        defer { close(fd) }
        var buffer: [UInt8] = []
        while !stop.load(ordering: .relaxed) {
            if Self.peerHasClosed(fd) {
                record { $0.closedBeforeWrite += 1 }
                return
            }
            let sent = Self.sendAll(fd, request)
            guard sent == request.count else {
                // None of it taken: the server had already closed. Part of it: a lost request.
                record { if sent == 0 { $0.closedBeforeWrite += 1 } else { $0.lost += 1 } }
                return
            }
            switch Self.readResponse(fd, buffer: &buffer) {
            case .none:
                record { $0.lost += 1 }
                return
            case .some(let response):
                record {
                    $0.answered += 1
                    if response.close { $0.answeredClose += 1 }
                    if !(200..<300).contains(response.status) { $0.failedStatus += 1 }
                }
                if response.close { return }
            }
        }
    }

    private static func openConnection(port: Int) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard status == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    /// Whether the server has already ended the connection (FIN or reset waiting to be read).
    private static func peerHasClosed(_ fd: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, 0) > 0 else { return false }
        var byte: UInt8 = 0
        let count = recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        // Bytes before a request was sent would be a server bug; treat them as a lost request.
        return count <= 0
    }

    /// Sends `bytes`; returns how many the kernel took.
    private static func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Int {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                send(fd, raw.baseAddress.map { $0 + offset }, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return offset }
            offset += written
        }
        return offset
    }

    /// Reads one Content-Length-framed response; returns its status and whether it said
    /// `Connection: close`, or nil if the connection ended (or failed) first.
    private static func readResponse(_ fd: Int32, buffer: inout [UInt8]) -> (status: Int, close: Bool)? {
        let terminator = Array("\r\n\r\n".utf8)
        var chunk = [UInt8](repeating: 0, count: 16384)
        while true {
            if let range = buffer.firstRange(of: terminator) {
                let head = String(decoding: buffer[0..<range.lowerBound], as: UTF8.self).lowercased()
                var length = 0
                var close = false
                let lines = head.split(separator: "\r\n")
                // "http/1.1 200 ok": the second word.
                let status = lines.first.flatMap { $0.split(separator: " ").dropFirst().first }.flatMap { Int($0) } ?? 0
                for line in lines {
                    if line.hasPrefix("content-length:") {
                        length = Int(line.dropFirst(15).trimmingCharacters(in: .whitespaces)) ?? 0
                    } else if line.hasPrefix("connection:") && line.contains("close") {
                        close = true
                    }
                }
                if buffer.count >= range.upperBound + length {
                    buffer.removeFirst(range.upperBound + length)
                    return (status, close)
                }
            }
            let count = recv(fd, &chunk, chunk.count, 0)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }
}

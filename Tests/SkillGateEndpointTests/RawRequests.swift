import Foundation
import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Many HTTP requests on plain blocking loopback sockets from one thread: for tests that hold more
/// requests open at once than a client thread each would allow.
enum RawRequests {
    /// Connects to 127.0.0.1:`port` once per request and sends it.
    /// - Returns: one socket per request, in order (-1 where the connection failed).
    static func send(port: Int, _ requests: [[UInt8]]) async -> [Int32] {
        await onThread {
            requests.map { request in
                let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
                guard fd >= 0 else { return -1 }
                var timeout = timeval(tv_sec: 60, tv_usec: 0)
                setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                var address = sockaddr_in()
                address.sin_family = sa_family_t(AF_INET)
                address.sin_port = in_port_t(UInt16(port).bigEndian)
                inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
                let connected = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
                }
                let sent = request.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                guard connected == 0, sent == request.count else {
                    close(fd)
                    return -1
                }
                return fd
            }
        }
    }

    /// Reads each socket to its end (the server closes after answering during a drain) and closes it.
    /// - Returns: the raw bytes received on each.
    static func readAll(_ sockets: [Int32]) async -> [[UInt8]] {
        await onThread {
            sockets.map { fd in
                guard fd >= 0 else { return [] }
                defer { close(fd) }
                var received: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 4096)
                while true {
                    let count = read(fd, &buffer, buffer.count)
                    guard count > 0 else { break }
                    received += buffer[0..<count]
                }
                return received
            }
        }
    }

    /// A POST of `body` to `/` with the verification headers.
    static func post(_ body: [UInt8], certURL: String, signature: String) -> [UInt8] {
        let head =
            "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nSignatureCertChainUrl: \(certURL)\r\n"
            + "Signature-256: \(signature)\r\nContent-Length: \(body.count)\r\n\r\n"
        return Array(head.utf8) + body
    }

    /// The status code and body of a raw response.
    static func parse(_ bytes: [UInt8]) -> (status: Int, body: String)? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.hasPrefix("HTTP/1.1 "), let end = text.range(of: "\r\n\r\n") else { return nil }
        let status = Int(text.dropFirst(9).prefix(3)) ?? 0
        return (status, String(text[end.upperBound...]))
    }

    private static func onThread<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            DispatchQueue(label: "RawRequests").async { continuation.resume(returning: work()) }
        }
    }
}

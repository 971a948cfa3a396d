#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A TCP socket listening on 127.0.0.1 at a port the kernel picked, which never accepts: the kernel
/// completes connections into the backlog, so a client connects and then hears nothing.
public final class LoopbackListener: Sendable {
    /// The port it listens on at 127.0.0.1.
    public let port: Int
    private let fd: Int32

    /// Binds and listens.
    public init() throws {
        (fd, port) = try Self.bindLoopback()
        guard listen(fd, 8) == 0 else {
            close(fd)
            throw TLSTestError("listen on 127.0.0.1 failed (errno \(errno))")
        }
    }

    deinit { close(fd) }

    /// A port that was free a moment ago (bound to 127.0.0.1:0, then closed), for servers that must be told a port.
    public static func freePort() throws -> Int {
        let (fd, port) = try bindLoopback()
        close(fd)
        return port
    }

    /// Whether something accepts TCP connections on 127.0.0.1 at `port` (a server that has started).
    /// - Parameter port: the port.
    public static func accepts(port: Int) -> Bool {
        guard let fd = connectLoopback(port: port) else { return false }
        close(fd)
        return true
    }

    /// A blocking TCP connection to 127.0.0.1 at `port`, or nil when nothing accepts it.
    private static func connectLoopback(port: Int) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(clamping: port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else {
            close(fd)
            return nil
        }
        return fd
    }

    /// Sends `request` to 127.0.0.1:`port` and reads until the server closes the connection (a
    /// blocking warm-up call for a test server; use `Connection: close`).
    /// - Parameters:
    ///   - port: the port.
    ///   - request: the raw bytes to send.
    ///   - timeout: the longest to wait for the whole exchange.
    /// - Returns: whether some answer arrived before the server closed.
    public static func exchange(port: Int, _ request: [UInt8], timeout: Duration) -> Bool {
        guard let fd = connectLoopback(port: port) else { return false }
        defer { close(fd) }
        guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, 0) }) == request.count else { return false }
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var received = 0
        var buffer = [UInt8](repeating: 0, count: 4096)
        while ContinuousClock.now < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 250) >= 0 else { return false }
            guard poller.revents != 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return received > 0 }
            received += count
        }
        return false
    }

    private static func bindLoopback() throws -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TLSTestError("socket() failed (errno \(errno))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else {
            close(fd)
            throw TLSTestError("could not bind 127.0.0.1:0 (errno \(errno))")
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }
}

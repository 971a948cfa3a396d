#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation
import Synchronization

/// A slowloris attacker on one thread: many connections that each send a request line and then
/// one more header byte every `byteInterval`, never finishing the head. A connection the server
/// closes is opened again at once, as the attack tool does.
final class Slowloris: Sendable {
    private let port: Int
    private let connections: Int
    private let source: String?
    private let byteInterval: Duration
    private let stopping = Atomic<Bool>(false)
    private let ended = DispatchSemaphore(value: 0)
    /// Attacker connections open now.
    let openNow = Atomic<Int>(0)
    /// Connections the server closed (or refused) and the attacker opened again.
    let reopened = Atomic<Int>(0)
    /// Connection attempts that failed.
    let connectFailures = Atomic<Int>(0)

    /// The first bytes every attacker connection sends; then it trickles a header value.
    private static let opening = Array("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-Slow: ".utf8)
    /// How often the thread wakes to trickle a byte on a share of the connections.
    private static let tick = Duration.milliseconds(10)

    /// - Parameters:
    ///   - port: the server's port on 127.0.0.1.
    ///   - connections: how many connections to hold.
    ///   - source: the loopback address the attacker connects from (nil: the kernel's choice).
    ///   - byteInterval: how often each connection sends one more byte.
    init(port: Int, connections: Int, source: String?, byteInterval: Duration) {
        self.port = port
        self.connections = connections
        self.source = source
        self.byteInterval = byteInterval
    }

    /// Starts the attacker thread.
    func start() {
        Thread.detachNewThread { self.attack() }
    }

    /// Waits (up to `timeout`) until every attacker connection is open; returns how many are.
    func waitUntilOpen(timeout: Duration) -> Int {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while openNow.load(ordering: .relaxed) < connections && ContinuousClock.now < deadline {
            usleep(10_000)
        }
        return openNow.load(ordering: .relaxed)
    }

    /// Stops the attack and closes its connections.
    func stop() {
        stopping.store(true, ordering: .relaxed)
        _ = ended.wait(timeout: .now() + 10)
    }

    private func attack() {
        var sockets = [Int32](repeating: -1, count: connections)
        for index in sockets.indices {
            sockets[index] = open()
        }
        let perTick = max(1, Int((Double(connections) * Self.tick.seconds / byteInterval.seconds).rounded(.up)))
        var next = 0
        while !stopping.load(ordering: .relaxed) {
            usleep(UInt32(Self.tick.seconds * 1_000_000))
            for _ in 0..<min(perTick, connections) {
                if !trickle(on: sockets[next]) {
                    if sockets[next] >= 0 {
                        close(sockets[next])
                        openNow.subtract(1, ordering: .relaxed)
                        reopened.add(1, ordering: .relaxed)
                    }
                    sockets[next] = open()
                }
                next = (next + 1) % connections
            }
        }
        for fd in sockets where fd >= 0 {
            close(fd)
        }
        openNow.store(0, ordering: .relaxed)
        ended.signal()
    }

    /// A new attacker connection that has sent its opening bytes, or -1.
    private func open() -> Int32 {
        guard let fd = BenchConnection.connectedSocket(port: port, source: source, blocking: false) else {
            connectFailures.add(1, ordering: .relaxed)
            return -1
        }
        let sent = Self.opening.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        guard sent == Self.opening.count else {
            close(fd)
            connectFailures.add(1, ordering: .relaxed)
            return -1
        }
        openNow.add(1, ordering: .relaxed)
        return fd
    }

    /// Sends one more header byte; false once the server has answered (408, 400, 503) or closed.
    private func trickle(on fd: Int32) -> Bool {
        guard fd >= 0 else { return false }
        var scratch = [UInt8](repeating: 0, count: 512)
        let read = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if read >= 0 { return false }
        guard errno == EAGAIN || errno == EWOULDBLOCK else { return false }
        var byte: UInt8 = 0x61
        return send(fd, &byte, 1, 0) == 1
    }
}

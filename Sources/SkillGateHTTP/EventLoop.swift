import Glibc
import Synchronization

/// One thread running an `epoll` loop over its share of the connections.
///
/// The loop only does I/O: parsing, writing and timers. Responders run as ordinary tasks on the
/// global concurrent executor, and their responses come back through ``execute(_:)``. Mutable
/// state below is touched only on the loop thread, except the `inbox` (behind a mutex) and the
/// atomics.
final class EventLoop: @unchecked Sendable {
    // Safety of @unchecked Sendable: every `var` is confined to the loop thread; other threads
    // reach the loop only through `execute`, which goes through `inbox` (a Mutex) and the
    // wake-up pipe.

    let index: Int
    let context: ServerContext
    let epoll: Epoll
    let epollFD: Int32
    let wakeReadFD: Int32
    let wakeWriteFD: Int32
    let exited = Atomic<Bool>(false)
    let inbox = Mutex(Inbox())

    /// Cross-thread submissions.
    struct Inbox {
        var closures: [@Sendable () -> Void] = []
        var wakePending = false
        var stopped = false
    }

    static let listenerToken = UInt64.max
    static let wakeToken = UInt64.max - 1
    static let sweepInterval: UInt64 = 100_000_000

    // Loop-thread state.
    var connections: [Connection?] = []
    var pendingFlush: [Connection] = []
    var listenerFD: Int32 = -1
    var listenerPaused = false
    var peers: [EventLoop] = []
    var nextPeer = 0
    var now: UInt64 = MonotonicClock.now()
    var nextSweep: UInt64 = 0
    var dateCache = HTTPDateCache()
    var draining = false
    var stopRequested = false
    var nextGeneration: UInt32 = 1
    var refusedCount = 0

    init(index: Int, epoll: Epoll, context: ServerContext) throws(HTTPServerError) {
        self.index = index
        self.epoll = epoll
        self.context = context
        self.epollFD = try epoll.create()
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            let code = errno
            close(epollFD)
            throw .systemCall("pipe", errno: code)
        }
        wakeReadFD = fds[0]
        wakeWriteFD = fds[1]
        Socket.makeNonBlocking(wakeReadFD)
        Socket.makeNonBlocking(wakeWriteFD)
        let status = epoll.add(epoll: epollFD, fd: wakeReadFD, events: Epoll.readable, data: Self.wakeToken)
        guard status == 0 else {
            closeDescriptors()
            throw .systemCall("epoll_ctl", errno: status)
        }
    }

    /// Makes this loop accept on `fd`, spreading new connections over `peers` (called before `start`).
    func installListener(_ fd: Int32, peers: [EventLoop]) throws(HTTPServerError) {
        let status = epoll.add(epoll: epollFD, fd: fd, events: Epoll.readable, data: Self.listenerToken)
        guard status == 0 else { throw .systemCall("epoll_ctl (listener)", errno: status) }
        listenerFD = fd
        self.peers = peers
    }

    /// Starts the loop thread.
    func start() throws(HTTPServerError) {
        let box = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(
            &thread, nil,
            { argument in
                guard let argument else { return nil }
                let loop = Unmanaged<EventLoop>.fromOpaque(argument).takeRetainedValue()
                loop.run()
                return nil
            }, box)
        guard status == 0 else {
            Unmanaged<EventLoop>.fromOpaque(box).release()
            throw .systemCall("pthread_create", errno: status)
        }
        pthread_detach(thread)
    }

    private func run() {
        let capacity: Int32 = 256
        let events = UnsafeMutableRawPointer.allocate(byteCount: Epoll.eventStride * Int(capacity), alignment: 8)
        defer { events.deallocate() }
        now = MonotonicClock.now()
        nextSweep = now + Self.sweepInterval
        while !stopRequested {
            let count = epoll.wait(epoll: epollFD, buffer: events, capacity: capacity, timeoutMilliseconds: 100)
            now = MonotonicClock.now()
            if count < 0 && errno != EINTR {
                context.logger.error("epoll_wait failed: \(SystemError.message(errno))")
                usleep(10_000)
            }
            for position in 0..<Int(max(count, 0)) {
                let event = Epoll.event(at: position, in: events)
                handle(events: event.events, token: event.data)
            }
            runInbox()
            flushPending()
            if now >= nextSweep {
                nextSweep = now + Self.sweepInterval
                sweep()
            }
        }
        finish()
    }

    private func handle(events: UInt32, token: UInt64) {
        switch token {
        case Self.listenerToken:
            acceptConnections()
        case Self.wakeToken:
            drainWakePipe()
        default:
            let fd = Int(truncatingIfNeeded: token & 0xFFFF_FFFF)
            guard fd < connections.count, let connection = connections[fd],
                connection.generation == UInt32(truncatingIfNeeded: token >> 32)
            else { return }
            connection.handle(events: events)
        }
    }

    /// Writes out every connection that produced output during this iteration.
    private func flushPending() {
        guard !pendingFlush.isEmpty else { return }
        let batch = pendingFlush
        pendingFlush.removeAll(keepingCapacity: true)
        for connection in batch {
            connection.flushScheduled = false
            connection.flush()
        }
    }

    private func drainWakePipe() {
        var scratch: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        _ = withUnsafeMutableBytes(of: &scratch) { read(wakeReadFD, $0.baseAddress, $0.count) }
    }

    /// Wakes the loop thread out of `epoll_wait`.
    func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWriteFD, &byte, 1)
    }

    func closeDescriptors() {
        close(epollFD)
        close(wakeReadFD)
        close(wakeWriteFD)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import SkillGateSystem
import Synchronization
import SkillGateLogging

/// One thread waiting on an ``EventBackend`` over its share of the connections.
///
/// The loop only does I/O: parsing, writing and timers. Responders run as tasks that prefer the
/// loop's ``HandlerWorker`` (another thread), and their responses come back through ``execute(_:)``. Mutable
/// state below is touched only on the loop thread, except the `inbox` (behind a mutex).
final class EventLoop: @unchecked Sendable {
    // Safety of @unchecked Sendable: every `var` is confined to the loop thread; other threads
    // reach the loop only through `execute`, which goes through `inbox` (a Mutex) and the wake
    // channel.

    let index: Int
    let context: ServerContext
    let group: LoopGroup
    let backend: any EventBackend
    /// Whether connections must re-arm the backend (cached from the backend).
    let needsRearm: Bool
    let wakeChannel: WakeChannel
    /// Where this loop's requests run their responders.
    let handlerWorker: HandlerWorker
    let inbox = Mutex(Inbox())
    /// How many times the loop has come out of its wait (lets tests see that an idle loop does not spin).
    let iterations = Atomic<Int>(0)

    /// Cross-thread submissions.
    struct Inbox {
        var closures: [@Sendable () -> Void] = []
        /// Whether the loop is in (or about to enter) its wait, so a submission must wake it.
        var sleeping = false
        /// Whether a wake-up has been written since the loop last looked.
        var wakePending = false
        var stopped = false
    }

    /// Submitters writing a wake-up outside the lock; the channel is closed only once this is 0.
    let wakersInFlight = Atomic<Int>(0)

    static let listenerToken = UInt64.max
    static let wakeToken = UInt64.max - 1
    static let sweepInterval: UInt64 = 100_000_000
    /// The longest wait, so timers are checked every ``sweepInterval``.
    static let waitMilliseconds: Int32 = 100

    // Loop-thread state.
    var connections: [Connection?] = []
    /// Registered connections (refused ones and lingering ones included).
    var openConnections = 0
    var pendingFlush: [Connection] = []
    var listenerFD: Int32 = -1
    var listenerPaused = false
    var peers: [EventLoop] = []
    var nextPeer = 0
    var now: UInt64 = MonotonicClock.now()
    var nextSweep: UInt64 = 0
    var dateCache = HTTPDateCache()
    var draining = false
    /// When a drain gives up on the connections still open (monotonic nanoseconds).
    var drainDeadline: UInt64 = .max
    var stopRequested = false
    var nextGeneration: UInt32 = 1
    /// What the loop keeps about each connection beside it, indexed like `connections`.
    var slots: [SlotRecord] = []
    /// An open `/dev/null` on the listener loop, closed to make room for one more `accept` when
    /// the process is out of descriptors, so that client still gets its 503 (-1 when not held).
    var reserveFD: Int32 = -1
    /// Clients answered 503 for want of descriptors since the last warning about it.
    var descriptorShortageRefusals = 0
    /// When that warning was last logged (monotonic nanoseconds).
    var lastDescriptorShortageWarning: UInt64 = 0

    /// The loop's bookkeeping for one connection's socket.
    struct SlotRecord {
        /// The client address holding a per-address slot, nil for refusals.
        var client: ClientAddress?
        /// When the connection was accepted (monotonic nanoseconds).
        var acceptedAt: UInt64 = 0
    }

    /// Creates a loop with its own backend and wake channel.
    /// - Parameters:
    ///   - index: the loop's number, for logs.
    ///   - backend: which readiness mechanism to use.
    ///   - context: what every loop shares.
    ///   - group: told when the loop's thread ends.
    init(
        index: Int, backend kind: HTTPServerConfiguration.EventBackend, context: ServerContext, group: LoopGroup
    ) throws(HTTPServerError) {
        self.index = index
        self.context = context
        self.group = group
        let backend = try makeEventBackend(kind)
        let wakeChannel: WakeChannel
        do {
            wakeChannel = try WakeChannel()
        } catch {
            backend.close()
            throw error
        }
        let status = backend.register(fd: wakeChannel.readFD, token: Self.wakeToken, watch: .input)
        guard status == 0 else {
            backend.close()
            wakeChannel.close()
            throw .systemCall("registering the wake-up channel with \(backend.name)", errno: status)
        }
        self.backend = backend
        self.needsRearm = backend.needsRearm
        self.wakeChannel = wakeChannel
        self.handlerWorker = HandlerWorker.worker(for: index)
    }

    /// Makes this loop accept on `fd`, spreading new connections over `peers` (called before `start`).
    func installListener(_ fd: Int32, peers: [EventLoop]) throws(HTTPServerError) {
        let status = backend.register(fd: fd, token: Self.listenerToken, watch: .input)
        guard status == 0 else { throw .systemCall("registering the listener with \(backend.name)", errno: status) }
        listenerFD = fd
        self.peers = peers
        reopenReserveDescriptor()
    }

    /// Starts the loop thread.
    func start() throws(HTTPServerError) {
        let status = DetachedThread.start { self.run() }
        guard status == 0 else { throw .systemCall("pthread_create", errno: status) }
    }

    private func run() {
        now = MonotonicClock.now()
        nextSweep = now + Self.sweepInterval
        while !stopRequested {
            let count = backend.wait(timeoutMilliseconds: prepareToWait())
            if count < 0 {
                let code = errno
                if code != EINTR {
                    context.logger.error("\(backend.name) wait failed: \(SystemError.message(code))")
                    usleep(10_000)
                }
            }
            wokeUp()
            now = MonotonicClock.now()
            iterations.wrappingAdd(1, ordering: .relaxed)
            // The requests started below reach the handler worker with one wake-up between them.
            handlerWorker.hold()
            for position in 0..<max(count, 0) {
                handle(backend.event(at: position))
            }
            runInbox()
            handlerWorker.release()
            flushPending()
            if now >= nextSweep {
                nextSweep = now + Self.sweepInterval
                sweep()
            }
            if draining && openConnections == 0 {
                // Drained: nothing is left to answer.
                stopRequested = true
            }
        }
        finish()
    }

    private func handle(_ event: ReadyEvent) {
        switch event.token {
        case Self.listenerToken:
            acceptConnections()
        case Self.wakeToken:
            wakeChannel.drain()
        default:
            let fd = Int(truncatingIfNeeded: event.token & 0xFFFF_FFFF)
            guard fd < connections.count, let connection = connections[fd],
                connection.generation == UInt32(truncatingIfNeeded: event.token >> 32)
            else { return }
            connection.handle(event.flags)
        }
    }

    /// Asks the backend to report `interest` on `fd` again (nothing to do for edge-triggered epoll).
    @inline(__always)
    func rearm(_ fd: Int32, for interest: Interest) {
        if needsRearm { backend.rearm(fd: fd, for: interest) }
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

    /// Releases the backend and the wake channel (once nothing can signal it any more).
    func closeDescriptors() {
        backend.close()
        wakeChannel.close()
    }
}

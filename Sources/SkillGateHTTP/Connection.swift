#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// One client connection, owned by a single event loop.
///
/// A small state machine: `idle` (waiting for a request) → `head` → `body` → `responding` (the
/// responder task runs) → back to `idle` for keep-alive, or `closing` (flushing a final response)
/// → `lingering` (write side shut, draining input so the client sees the response and not a
/// reset) → `closed`.
final class Connection: @unchecked Sendable {
    // Safety of @unchecked Sendable: all state is touched only on `loop`'s thread. The responder
    // task captures the connection but only to hand its response to `loop.execute`, which runs
    // `complete` on the loop thread.

    enum Phase {
        case idle, head, body, responding, closing, lingering, closed
    }

    let fd: Int32
    let generation: UInt32
    let remoteAddress: String
    let loop: EventLoop
    let context: ServerContext
    /// Whether this connection holds a slot of `maxConnections`.
    var counted: Bool
    /// Whether this is a connection refused for being over the cap.
    var isRefusal = false
    /// Whether it sits in the loop's end-of-iteration flush list.
    var flushScheduled = false

    var phase = Phase.idle
    var input: InputBuffer
    var parser: RequestHeadParser
    var currentHead: RequestHead?
    var currentPath = "-"
    var body: [UInt8] = []
    var bodyRemaining = 0
    var chunkedDecoder: ChunkedDecoder?
    /// Whether the socket may hold unread bytes (the backend reports each arrival once).
    var mayHaveData = false
    var peerClosedInput = false
    /// When the current phase times out (monotonic nanoseconds).
    var deadline: UInt64 = 0
    /// When the first request's head must be complete, counted from the accept and not reset by
    /// its first byte (a silent-then-trickling client gets the header timeout once, not twice);
    /// 0 once the first head is in.
    var firstHeadDeadline: UInt64 = 0
    /// When a blocked write gives up, or 0.
    var writeDeadline: UInt64 = 0
    var requestStart: UInt64 = 0

    var output: [UInt8] = []
    var outputOffset = 0
    var closeAfterWrite = false
    var sequence: UInt64 = 0
    var task: Task<Void, Never>?

    init(fd: Int32, generation: UInt32, remoteAddress: String, loop: EventLoop, counted: Bool) {
        self.fd = fd
        self.generation = generation
        self.remoteAddress = remoteAddress
        self.loop = loop
        self.context = loop.context
        self.counted = counted
        self.input = InputBuffer(capacity: ServerContext.initialInputCapacity)
        self.parser = RequestHeadParser(limits: loop.context.limits)
    }

    deinit {
        input.deallocate()
    }

    /// Begins waiting for the first request.
    func start() {
        phase = .idle
        firstHeadDeadline = loop.now + context.headerTimeout
        deadline = firstHeadDeadline
        // Accepted just before the drain began: its request is still answered.
        if loop.draining { drain() }
    }

    /// Reacts to readiness reported by the loop's backend.
    func handle(_ flags: ReadyFlags) {
        if flags.contains(.error) {
            closeNow()
            return
        }
        if flags.contains(.readHangUp) {
            peerClosedInput = true
        }
        // After a hang-up the write fails at once and closes, rather than waiting for a
        // writability the backend will not report again.
        if !flags.isDisjoint(with: [.writable, .hangUp]), outputOffset < output.count {
            flush()
        }
        guard !flags.isDisjoint(with: [.readable, .readHangUp, .hangUp]) else { return }
        switch phase {
        case .idle, .head, .body, .lingering:
            readAvailable()
        case .responding, .closing:
            if flags.contains(.hangUp) {
                closeNow()
            } else {
                mayHaveData = true
            }
        case .closed:
            break
        }
    }

    /// Enforces the deadline of the current phase; called by the loop's periodic sweep.
    func checkTimers(now: UInt64) {
        if writeDeadline != 0 && now >= writeDeadline {
            closeNow()
            return
        }
        guard now >= deadline else { return }
        switch phase {
        case .idle where loop.draining:
            closeQuietConnection()
        case .idle, .lingering:
            closeNow()
        case .head:
            fail(
                status: 408, message: "the request head was not received within \(context.configuration.headerTimeout)")
        case .body:
            fail(status: 408, message: "the request body was not received within \(context.configuration.readTimeout)")
        case .responding, .closing, .closed:
            // The responder has no deadline here; a drain's deadline still bounds it.
            break
        }
    }

    /// Graceful shutdown. Busy connections answer what they have received with `Connection: close`.
    /// Idle ones are not closed at once, since a request may be on its way: they keep reading for
    /// ``drainQuietPeriod`` and answer any request that arrives (with `Connection: close`).
    func drain() {
        switch phase {
        case .idle:
            deadline = min(deadline, loop.now + Self.drainQuietPeriod)
        case .lingering:
            deadline = min(deadline, loop.now + 1_000_000_000)
        default:
            break
        }
    }

    /// How long an idle connection stays open once a drain begins, for a request already on its way.
    static let drainQuietPeriod: UInt64 = 1_000_000_000

    /// Ends an idle connection that stayed quiet through the drain's grace period. It reads first:
    /// a request may have arrived since the last readiness report, and is then answered instead.
    private func closeQuietConnection() {
        readAvailable()
        guard phase == .idle else { return }
        guard outputOffset < output.count else {
            // Nothing unread and nothing to send: the close is a clean end, with no need to linger.
            closeNow()
            return
        }
        phase = .closing
        closeAfterWrite = true
        flush()
    }

    /// Closes the socket at once and cancels any running responder task.
    func closeNow() {
        guard phase != .closed else { return }
        phase = .closed
        task?.cancel()
        task = nil
        loop.connectionClosing(self)
        close(fd)
        if counted {
            counted = false
            context.activeConnections.subtract(1, ordering: .relaxed)
        }
        output = []
        body = []
        currentHead = nil
        chunkedDecoder = nil
    }
}

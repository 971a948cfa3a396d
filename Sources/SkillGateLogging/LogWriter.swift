#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Dispatch
import SkillGateSystem
import Synchronization

/// Writes log lines to a descriptor from one thread of its own, so that logging never blocks the
/// caller: a line is copied into a bounded in-memory queue and the call returns.
///
/// When the descriptor does not keep up (a stalled reader of standard error, a full pipe), the
/// queue fills and further lines are dropped and counted; once the descriptor accepts again, the
/// writer says `dropped N log lines` in the format of the lost lines. The process's writer for
/// standard error, ``standardError``, is flushed (for up to 2 s) when the process exits normally,
/// and says then how many lines were dropped in all, if any were.
public final class LogWriter: Sendable {
    /// The writer every ``Logger`` without its own sink uses: standard error, 256 KiB queued at most.
    public static let standardError = LogWriter(descriptor: 2, capacity: 256 * 1024, flushesAtExit: true)

    private struct State {
        /// Queued lines, each ending in a newline.
        var pending: [UInt8] = []
        /// Lines dropped since the last notice.
        var dropped = 0
        /// Lines dropped since the writer started.
        var droppedInAll = 0
        /// The format of the most recently dropped line, for the notice.
        var droppedFormat = LogFormat.text
        /// Whether the writer thread holds lines it has not finished writing.
        var writing = false
        /// Whether the writer thread runs.
        var started = false
        /// Whether the writer thread waits for `wake` (or is about to): the next line must signal it.
        var parked = true
    }

    /// How long the writer lets lines gather after writing some, before it looks again: a busy
    /// server then wakes it about a thousand times a second, not once per line (a futex wake-up
    /// and a context switch each, which cost more than formatting the line).
    static let gatherMicroseconds: UInt32 = 1000

    private let descriptor: Int32
    private let capacity: Int
    private let flushesAtExit: Bool
    private let state = Mutex(State())
    private let wake = DispatchSemaphore(value: 0)

    /// Creates a writer; its thread starts with the first line.
    /// - Parameters:
    ///   - descriptor: where lines go; the writer never closes it.
    ///   - capacity: the most bytes queued; lines beyond are dropped and counted.
    public convenience init(descriptor: Int32, capacity: Int) {
        self.init(descriptor: descriptor, capacity: capacity, flushesAtExit: false)
    }

    private init(descriptor: Int32, capacity: Int, flushesAtExit: Bool) {
        self.descriptor = descriptor
        self.capacity = max(1, capacity)
        self.flushesAtExit = flushesAtExit
    }

    /// Queues a line (a newline is added) and returns at once.
    /// - Parameters:
    ///   - line: one formatted line, without its newline.
    ///   - format: the line's format, used for the notice when lines are dropped.
    /// - Returns: false when the queue was full and the line was dropped.
    @discardableResult
    public func enqueue(_ line: String, format: LogFormat = .text) -> Bool {
        let size = line.utf8.count + 1
        let (accepted, signal, start) = state.withLock { state -> (Bool, Bool, Bool) in
            // One line longer than the whole queue is still taken when nothing else waits.
            guard state.pending.isEmpty || state.pending.count + size <= capacity else {
                state.dropped += 1
                state.droppedInAll += 1
                state.droppedFormat = format
                return (false, false, false)
            }
            state.pending.append(contentsOf: line.utf8)
            state.pending.append(UInt8(ascii: "\n"))
            let start = !state.started
            state.started = true
            let signal = state.parked
            state.parked = false
            return (true, signal, start)
        }
        if start { startThread() }
        if signal { wake.signal() }
        return accepted
    }

    /// Lines dropped so far because the queue was full.
    public var droppedLineCount: Int { state.withLock { $0.droppedInAll } }

    /// Waits until every queued line (and any drop notice) is written, or `timeout` passes.
    /// - Parameter timeout: the longest wait.
    /// - Returns: true when nothing is left to write.
    @discardableResult
    public func flush(timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while true {
            let idle = state.withLock { !$0.started || ($0.pending.isEmpty && $0.dropped == 0 && !$0.writing) }
            if idle { return true }
            guard ContinuousClock.now < deadline else { return false }
            usleep(1000)
        }
    }

    /// Flushes, then, if lines were dropped since start, writes how many and flushes again.
    /// - Parameter timeout: the longest wait for each flush.
    public func finish(timeout: Duration) {
        guard flush(timeout: timeout) else { return }
        let (droppedInAll, format) = state.withLock { ($0.droppedInAll, $0.droppedFormat) }
        guard droppedInAll > 0 else { return }
        enqueue(Self.notice("dropped \(droppedInAll) log line\(droppedInAll == 1 ? "" : "s") in all", format: format), format: format)
        flush(timeout: timeout)
    }

    private func startThread() {
        if flushesAtExit {
            atexit { LogWriter.standardError.finish(timeout: .seconds(2)) }
        }
        if DetachedThread.start({ self.run() }) != 0 {
            // No thread: write from a serial dispatch queue instead (it gets a thread of its own as well).
            DispatchQueue(label: "SkillGateLogging.LogWriter").async { self.run() }
        }
    }

    /// The writer thread: takes everything queued, writes it, lets more gather for
    /// ``gatherMicroseconds``, repeats; sleeps (parked) when nothing is queued.
    private func run() {
        var batch: [UInt8] = []
        while true {
            wake.wait()
            while true {
                batch.removeAll(keepingCapacity: true)
                let (dropped, format) = state.withLock { state -> (Int, LogFormat) in
                    swap(&state.pending, &batch)
                    let dropped = state.dropped
                    state.dropped = 0
                    state.writing = !batch.isEmpty || dropped > 0
                    if !state.writing { state.parked = true }
                    return (dropped, state.droppedFormat)
                }
                guard !batch.isEmpty || dropped > 0 else { break }
                if dropped > 0 {
                    let notice = Self.notice(
                        "dropped \(dropped) log line\(dropped == 1 ? "" : "s"): the log's reader did not keep up", format: format)
                    write(Array((notice + "\n").utf8))
                }
                write(batch)
                // Keep the larger buffer for the next swap only when it is not huge.
                if batch.capacity > 4 * capacity { batch = [] }
                state.withLock { $0.writing = false }
                usleep(Self.gatherMicroseconds)
            }
        }
    }

    /// A warning from the log itself, in `format`.
    static func notice(_ message: String, format: LogFormat) -> String {
        LogRecord(timestamp: LogClock.timestamp(), level: .warning, label: "log", message: message, metadata: [:]).line(in: format)
    }

    /// Writes every byte, waiting while the descriptor is full; gives up on any other error (the
    /// lines are lost: there is nowhere left to report it).
    private func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, base + offset, buffer.count - offset)
                if written >= 0 {
                    offset += written
                    continue
                }
                switch errno {
                case EINTR: continue
                case EAGAIN, EWOULDBLOCK:
                    var entry = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&entry, 1, -1)
                default: return
                }
            }
        }
    }
}

// At file scope the name resolves to the C function, not to the method above.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads and writes on ``Subprocess`` pipes with deadlines: `poll`, then a non-blocking call.
enum PipeIO {
    /// The most read at once.
    static let chunkSize = 65_536

    /// Milliseconds left until `deadline`, rounded up for `poll`; nil once it has passed.
    static func milliseconds(until deadline: ContinuousClock.Instant) -> Int32? {
        let remaining = ContinuousClock.now.duration(to: deadline)
        guard remaining > .zero else { return nil }
        let (seconds, attoseconds) = remaining.components
        return Int32(clamping: seconds.multipliedReportingOverflow(by: 1000).partialValue + attoseconds / 1_000_000_000_000_000 + 1)
    }

    /// Waits until `descriptor` is ready for `events` (or hung up); false once `deadline` passed.
    static func waitReady(_ descriptor: Int32, events: Int32, until deadline: ContinuousClock.Instant) -> Bool {
        while let timeout = milliseconds(until: deadline) {
            var poller = pollfd(fd: descriptor, events: Int16(events), revents: 0)
            let ready = poll(&poller, 1, timeout)
            if ready > 0 { return true }
            if ready < 0 && errno != EINTR { return true }
        }
        return false
    }

    /// Reads what is there, waiting until `deadline`.
    /// - Returns: the bytes; empty at end of output (or on a read error); nil when the deadline passed first.
    static func readChunk(from descriptor: Int32, until deadline: ContinuousClock.Instant) -> [UInt8]? {
        while waitReady(descriptor, events: Int32(POLLIN), until: deadline) {
            var chunk = [UInt8](repeating: 0, count: chunkSize)
            let count = readSome(from: descriptor, into: &chunk)
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            return count > 0 ? Array(chunk[..<count]) : []
        }
        return nil
    }

    /// One `read` into `buffer`.
    static func readSome(from descriptor: Int32, into buffer: inout [UInt8]) -> Int {
        buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
    }

    /// Writes every byte, waiting for room until `deadline`.
    /// - Returns: false when the reader went away, on another write error, or when the deadline passed.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, until deadline: ContinuousClock.Instant) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = writeSome(bytes[offset...], to: descriptor)
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EAGAIN {
                guard waitReady(descriptor, events: Int32(POLLOUT), until: deadline) else { return false }
            } else if !(written < 0 && errno == EINTR) {
                return false
            }
        }
        return true
    }

    /// One `write`; a reader that went away is `EPIPE`, never a `SIGPIPE` that kills this process
    /// (on Darwin the descriptor is set up with `F_SETNOSIGPIPE` instead).
    static func writeSome(_ bytes: ArraySlice<UInt8>, to descriptor: Int32) -> Int {
        #if canImport(Darwin)
            return bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
        #else
            var pipeSignal = sigset_t()
            sigemptyset(&pipeSignal)
            sigaddset(&pipeSignal, SIGPIPE)
            var pendingBefore = sigset_t()
            sigpending(&pendingBefore)
            var previousMask = sigset_t()
            pthread_sigmask(SIG_BLOCK, &pipeSignal, &previousMask)
            let written = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            let writeError = errno
            if written < 0 && writeError == EPIPE && sigismember(&pendingBefore, SIGPIPE) == 0 {
                // Consume the SIGPIPE this write raised while it is blocked for this thread.
                var noWait = timespec()
                while sigtimedwait(&pipeSignal, nil, &noWait) < 0 && errno == EINTR {}
            }
            pthread_sigmask(SIG_SETMASK, &previousMask, nil)
            errno = writeError
            return written
        #endif
    }
}

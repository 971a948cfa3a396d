#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Waits on a non-blocking socket with `poll`, bounded by a deadline and woken by an interrupt descriptor.
enum SocketWait {
    /// Waits until `fd` is ready for `events` (or has an error or hang-up: the next I/O call tells which).
    /// - Parameters:
    ///   - fd: the socket.
    ///   - events: `POLLIN` or `POLLOUT`.
    ///   - deadline: when to give up; nil waits as long as it takes.
    ///   - interruptFD: a descriptor whose readability means "stop now", or -1 for none.
    ///   - what: what is being waited for, for messages.
    /// - Throws: ``TLSError`` `.timedOut`, `.interrupted`, or `.connectionFailed` when `poll` fails.
    static func wait(
        _ fd: Int32, for events: Int16, deadline: ContinuousClock.Instant?, interruptFD: Int32, while what: @autoclosure () -> String
    ) throws(TLSError) {
        while true {
            var timeout: Int32 = -1
            if let deadline {
                timeout = milliseconds(until: deadline)
                guard timeout > 0 else { throw TLSError(.timedOut, "The time limit ran out during \(what()).") }
            }
            var entries = [
                pollfd(fd: fd, events: events, revents: 0),
                pollfd(fd: interruptFD, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&entries, interruptFD >= 0 ? 2 : 1, timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                throw TLSError(.connectionFailed, "Waiting on the socket during \(what()) failed (\(errorText(errno))).")
            }
            if interruptFD >= 0, entries[1].revents != 0 { throw TLSError(.interrupted, "\(what()) was interrupted.") }
            if entries[0].revents != 0 { return }
        }
    }

    /// Milliseconds until `deadline`, rounded up and clamped for `poll`; 0 once it has passed.
    static func milliseconds(until deadline: ContinuousClock.Instant) -> Int32 {
        let left = ContinuousClock.now.duration(to: deadline)
        guard left > .zero else { return 0 }
        let (seconds, attoseconds) = left.components
        let milliseconds = seconds.multipliedReportingOverflow(by: 1000)
        guard !milliseconds.overflow else { return Int32.max }
        return Int32(clamping: milliseconds.partialValue + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }

    /// `strerror` as a Swift string.
    static func errorText(_ code: Int32) -> String {
        strerror(code).map { String(cString: $0) } ?? "error \(code)"
    }
}

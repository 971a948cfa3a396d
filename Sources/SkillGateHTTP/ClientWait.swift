import Glibc

/// The client's one way of waiting on a descriptor: `poll`, bounded by a deadline and woken by the
/// interrupt pipe (written by cancellation or ``HTTPClient/close()``).
enum ClientWait {
    /// Waits until `fd` is ready for `events` (or has an error or hang-up: the next I/O call tells which).
    /// - Throws: ``ClientIOError`` `.timedOut`, `.interrupted` or `.system`.
    static func wait(for fd: Int32, events: Int16, deadline: ContinuousClock.Instant?, interruptFD: Int32) throws(ClientIOError) {
        while true {
            var timeout: Int32 = -1
            if let deadline {
                timeout = milliseconds(until: deadline)
                guard timeout > 0 else { throw .timedOut }
            }
            var entries = [
                pollfd(fd: fd, events: events, revents: 0),
                pollfd(fd: interruptFD, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&entries, 2, timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                throw .system("poll", errno)
            }
            if entries[1].revents != 0 { throw .interrupted }
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
}

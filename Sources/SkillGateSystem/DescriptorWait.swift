#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one way SkillGate's blocking-style I/O waits on a descriptor: `poll(2)`, bounded by a
/// deadline and woken early by an interrupt descriptor (a pipe that cancellation writes to).
/// Used by the HTTP client's sockets and name lookups and by the TLS client.
public enum DescriptorWait {
    /// How a wait ended.
    public enum Outcome: Sendable, Equatable {
        /// The descriptor is ready (or has an error or hang-up: the next I/O call tells which).
        case ready
        /// The deadline passed first.
        case timedOut
        /// The interrupt descriptor became readable first.
        case interrupted
        /// `poll` itself failed with this `errno`.
        case failed(Int32)
    }

    /// Waits until `fd` is ready for `events`.
    /// - Parameters:
    ///   - fd: the descriptor.
    ///   - events: `POLLIN` or `POLLOUT`.
    ///   - deadline: when to give up; nil waits as long as it takes.
    ///   - interruptFD: a descriptor whose readability means "stop now", or -1 for none.
    /// - Returns: how the wait ended.
    public static func wait(
        _ fd: Int32, for events: Int16, deadline: ContinuousClock.Instant?, interruptFD: Int32 = -1
    ) -> Outcome {
        while true {
            var timeout: Int32 = -1
            if let deadline {
                timeout = milliseconds(until: deadline)
                guard timeout > 0 else { return .timedOut }
            }
            var entries = [
                pollfd(fd: fd, events: events, revents: 0),
                pollfd(fd: interruptFD, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&entries, interruptFD >= 0 ? 2 : 1, timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                return .failed(errno)
            }
            if interruptFD >= 0, entries[1].revents != 0 { return .interrupted }
            if entries[0].revents != 0 { return .ready }
        }
    }

    /// Milliseconds until `deadline`, rounded up and clamped for `poll`; 0 once it has passed.
    /// - Parameter deadline: the instant.
    /// - Returns: the milliseconds left.
    public static func milliseconds(until deadline: ContinuousClock.Instant) -> Int32 {
        let left = ContinuousClock.now.duration(to: deadline)
        guard left > .zero else { return 0 }
        let (seconds, attoseconds) = left.components
        let milliseconds = seconds.multipliedReportingOverflow(by: 1000)
        guard !milliseconds.overflow else { return Int32.max }
        return Int32(clamping: milliseconds.partialValue + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }

    /// `strerror` as a Swift string, e.g. `Connection refused`.
    /// - Parameter code: an `errno` value.
    /// - Returns: the text.
    public static func errorText(_ code: Int32) -> String {
        strerror(code).map { String(cString: $0) } ?? "error \(code)"
    }
}

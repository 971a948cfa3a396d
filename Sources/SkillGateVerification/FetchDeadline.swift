#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The moment a certificate download must be finished by, and waits on a socket bounded by it.
struct FetchDeadline: Sendable {
    /// When the download must be done.
    let end: ContinuousClock.Instant
    /// The whole allowance, for messages.
    let timeout: Duration

    /// A deadline `timeout` from now.
    init(after timeout: Duration) {
        self.timeout = timeout
        end = ContinuousClock.now.advanced(by: timeout)
    }

    /// Milliseconds left, rounded up, for `poll(2)`; 0 once the deadline has passed.
    var remainingMilliseconds: Int32 {
        let left = ContinuousClock.now.duration(to: end)
        guard left > .zero else { return 0 }
        let (seconds, attoseconds) = left.components
        let milliseconds = seconds.multipliedReportingOverflow(by: 1000)
        guard !milliseconds.overflow else { return Int32.max }
        return Int32(clamping: milliseconds.partialValue + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }

    /// Waits until `fd` is ready for `events` (`POLLIN` or `POLLOUT`) or the deadline passes.
    /// - Parameters:
    ///   - fd: a non-blocking socket.
    ///   - events: the `poll(2)` events to wait for.
    ///   - what: what is being waited for, e.g. `connecting to s3.amazonaws.com:443`, for the message.
    /// - Throws: ``CertificateFetchError/Code/timedOut`` when time runs out, or
    ///   ``CertificateFetchError/Code/connectionFailed`` when `poll` itself fails.
    func wait(for fd: Int32, events: Int16, while what: @autoclosure () -> String) throws(CertificateFetchError) {
        var descriptor = pollfd(fd: fd, events: events, revents: 0)
        while true {
            let remaining = remainingMilliseconds
            guard remaining > 0 else { throw timedOut(while: what()) }
            let ready = poll(&descriptor, 1, remaining)
            if ready > 0 { return }  // readiness, an error or a hang-up: the next I/O call tells which
            if ready < 0, errno != EINTR {
                throw CertificateFetchError(
                    .connectionFailed, "Waiting on the socket while \(what()) failed (\(String(cString: strerror(errno)))).")
            }
        }
    }

    /// The error for running out of time.
    /// - Parameter what: what was happening, e.g. `reading the response from https://…`.
    func timedOut(while what: String) -> CertificateFetchError {
        CertificateFetchError(
            .timedOut,
            "The certificate download timed out after \(timeout) while \(what); check that this server can reach the host over HTTPS (firewall, proxy, DNS)."
        )
    }
}

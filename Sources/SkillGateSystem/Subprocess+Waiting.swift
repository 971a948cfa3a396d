#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension Subprocess {
    /// Waits for the child to exit, checking every few milliseconds.
    /// - Parameter timeout: the longest to wait.
    /// - Returns: the exit status (see ``exitStatus``), or nil if it is still running.
    public func wait(timeout: Duration) -> Int32? {
        var pauses = Pauses(until: .now + timeout)
        while true {
            if let status = exitStatus { return status }
            guard let nap = pauses.next() else { return nil }
            usleep(UInt32(clamping: nap.components.seconds * 1_000_000 + nap.components.attoseconds / 1_000_000_000_000))
        }
    }

    /// ``wait(timeout:)`` without holding a thread: it sleeps between checks.
    /// - Parameter timeout: the longest to wait.
    /// - Returns: the exit status, or nil if it is still running.
    public func wait(timeout: Duration) async -> Int32? {
        var pauses = Pauses(until: .now + timeout)
        while true {
            if let status = exitStatus { return status }
            guard let nap = pauses.next() else { return nil }
            try? await Task.sleep(for: nap)
        }
    }

    /// Blocks until the child exits, with no polling delay (for timing it).
    /// - Returns: the exit status.
    public func waitUntilExit() -> Int32 {
        while true {
            if let status = exitStatus { return status }
            // WNOWAIT: only ``exitStatus`` reaps, under its lock, so the ID is never reused
            // while ``signal(_:)`` might still use it.
            var info = siginfo_t()
            if waitid(P_PID, id_t(processIdentifier), &info, WEXITED | WNOWAIT) < 0 && errno != EINTR { usleep(1_000) }
        }
    }

    /// ``waitUntilExit()`` on a thread of its own.
    /// - Returns: the exit status.
    public func waitUntilExit() async -> Int32 {
        await OffPool.run { self.waitUntilExit() }
    }

    /// Ends the child: `SIGTERM`, then `SIGKILL` if it is still there after `grace`.
    /// - Parameter grace: how long it may take to exit after `SIGTERM`.
    /// - Returns: the exit status, or nil if it did not even exit after `SIGKILL`.
    @discardableResult
    public func terminate(grace: Duration = .seconds(2)) -> Int32? {
        signal(SIGTERM)
        if let status = wait(timeout: grace) { return status }
        signal(SIGKILL)
        return wait(timeout: .seconds(5))
    }

    /// ``terminate(grace:)`` without holding a thread.
    /// - Parameter grace: how long it may take to exit after `SIGTERM`.
    /// - Returns: the exit status, or nil if it did not even exit after `SIGKILL`.
    @discardableResult
    public func terminate(grace: Duration = .seconds(2)) async -> Int32? {
        signal(SIGTERM)
        if let status = await wait(timeout: grace) { return status }
        signal(SIGKILL)
        return await wait(timeout: .seconds(5))
    }
}

/// The pauses between checks while waiting for an exit: 1 ms, doubling up to 10 ms, until a deadline.
struct Pauses {
    private let deadline: ContinuousClock.Instant
    private var pause = Duration.milliseconds(1)

    /// Pauses that end at `deadline`.
    init(until deadline: ContinuousClock.Instant) { self.deadline = deadline }

    /// The next pause, cut short at the deadline; nil once it has passed.
    mutating func next() -> Duration? {
        let remaining = ContinuousClock.now.duration(to: deadline)
        guard remaining > .zero else { return nil }
        defer { pause = min(pause * 2, .milliseconds(10)) }
        return min(pause, remaining)
    }
}

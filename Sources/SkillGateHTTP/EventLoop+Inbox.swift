#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

extension EventLoop {
    /// Runs `work` on the loop thread soon; safe from any thread.
    ///
    /// The loop is woken only if it is waiting and nobody has woken it yet. The wake-up is
    /// written outside the lock; ``finish()`` closes the channel only after such writes are done.
    /// - Returns: false when the loop has stopped and `work` will never run.
    @discardableResult
    func execute(_ work: @escaping @Sendable () -> Void) -> Bool {
        let wake = inbox.withLock { inbox -> Bool? in
            guard !inbox.stopped else { return nil }
            inbox.closures.append(work)
            guard inbox.sleeping, !inbox.wakePending else { return false }
            inbox.wakePending = true
            wakersInFlight.add(1, ordering: .relaxed)
            return true
        }
        guard let wake else { return false }
        if wake {
            if let worker = HandlerWorker.current {
                worker.oweWake(to: self)
            } else {
                signalWake()
            }
        }
        return true
    }

    /// Writes the wake-up a submitter owes (see ``execute(_:)``).
    func signalWake() {
        wakeChannel.signal()
        wakersInFlight.subtract(1, ordering: .releasing)
    }

    /// Marks the loop as about to wait; returns the wait's timeout: none if work is already queued.
    func prepareToWait() -> Int32 {
        inbox.withLock { inbox in
            guard inbox.closures.isEmpty else { return 0 }
            inbox.sleeping = true
            return Self.waitMilliseconds
        }
    }

    /// Marks the loop as awake once its wait returns, so the replies that reach it while it handles
    /// events (it runs them right after) write no wake-up.
    func wokeUp() {
        inbox.withLock { $0.sleeping = false }
    }

    /// Runs the closures other threads submitted.
    func runInbox() {
        let closures = inbox.withLock { inbox -> [@Sendable () -> Void] in
            inbox.sleeping = false
            inbox.wakePending = false
            guard !inbox.closures.isEmpty else { return [] }
            defer { inbox.closures.removeAll(keepingCapacity: true) }
            return inbox.closures
        }
        for work in closures {
            work()
        }
    }

    /// Ends the loop: closes every connection and the listener, runs what is left in the inbox
    /// (late hand-offs then find the loop stopped and close their sockets), releases the
    /// descriptors and tells the group.
    func finish() {
        for case let connection? in connections {
            connection.closeNow()
        }
        closeListener()
        let closures = inbox.withLock { inbox -> [@Sendable () -> Void] in
            inbox.stopped = true
            defer { inbox.closures.removeAll() }
            return inbox.closures
        }
        for work in closures {
            work()
        }
        // Break the loops' references to each other so the server's loops can be freed.
        peers = []
        pendingFlush = []
        while wakersInFlight.load(ordering: .acquiring) > 0 {
            sched_yield()
        }
        closeDescriptors()
        group.loopExited()
    }
}

import Synchronization
extension EventLoop {
    /// Queues a connection to be flushed at the end of this loop iteration, so responses to
    /// pipelined requests leave in one write.
    func scheduleFlush(_ connection: Connection) {
        guard !connection.flushScheduled else { return }
        connection.flushScheduled = true
        pendingFlush.append(connection)
    }

    /// The current `Date` header value.
    func currentDate() -> [UInt8] {
        dateCache.current()
    }

    /// Enforces timeouts; runs every ``sweepInterval`` on the loop thread.
    func sweep() {
        resumeListenerIfPaused()
        for case let connection? in connections {
            connection.checkTimers(now: now)
        }
        if draining && now >= drainDeadline && openConnections > 0 {
            group.drainTimedOut.add(openConnections, ordering: .relaxed)
            stopRequested = true
        }
    }

    /// Starts a graceful drain: stop accepting, and answer every request that reaches a socket
    /// with `Connection: close`; idle connections get a short grace for a request on its way
    /// (see ``Connection/drain()``). The loop ends once its connections are closed, or at
    /// `deadline` (monotonic nanoseconds) with whatever is still open.
    func beginDrain(deadline: UInt64) {
        if listenerFD >= 0 && !listenerPaused {
            // Clients whose connect already completed sit in the accept queue, maybe with a
            // request sent: closing the listener would reset them. Take them here (not on peers,
            // which may have drained and stopped already) and answer them like the rest.
            peers = []
            for _ in 0..<8 where listenerFD >= 0 {
                acceptConnections()
            }
        }
        draining = true
        drainDeadline = deadline
        closeListener()
        for case let connection? in connections {
            connection.drain()
        }
    }

    /// Closes everything and ends the loop thread.
    func requestStop() {
        stopRequested = true
    }
}

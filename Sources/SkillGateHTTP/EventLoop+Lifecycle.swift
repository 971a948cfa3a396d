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
    }

    /// Starts a graceful drain: stop accepting, close idle connections, and answer in-flight
    /// requests with `Connection: close`.
    func beginDrain() {
        draining = true
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

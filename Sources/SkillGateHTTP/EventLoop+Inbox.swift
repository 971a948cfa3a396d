extension EventLoop {
    /// Runs `work` on the loop thread soon; safe from any thread.
    ///
    /// The wake-up is written under the inbox lock, so it never reaches a channel that
    /// ``finish()`` has closed.
    /// - Returns: false when the loop has stopped and `work` will never run.
    @discardableResult
    func execute(_ work: @escaping @Sendable () -> Void) -> Bool {
        inbox.withLock { inbox in
            guard !inbox.stopped else { return false }
            inbox.closures.append(work)
            if !inbox.wakePending {
                inbox.wakePending = true
                wakeChannel.signal()
            }
            return true
        }
    }

    /// Runs the closures other threads submitted.
    func runInbox() {
        let closures = inbox.withLock { inbox -> [@Sendable () -> Void] in
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
        closeDescriptors()
        group.loopExited()
    }
}

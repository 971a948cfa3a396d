extension EventLoop {
    /// Runs `work` on the loop thread soon; safe from any thread.
    /// - Returns: false when the loop has stopped and `work` will never run.
    @discardableResult
    func execute(_ work: @escaping @Sendable () -> Void) -> Bool {
        let wakeNeeded = inbox.withLock { inbox -> Bool? in
            if inbox.stopped { return nil }
            inbox.closures.append(work)
            if inbox.wakePending { return false }
            inbox.wakePending = true
            return true
        }
        guard let wakeNeeded else { return false }
        if wakeNeeded { wake() }
        return true
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

    /// Ends the loop: closes every connection, runs what is left in the inbox, and releases the
    /// descriptors.
    func finish() {
        for case let connection? in connections {
            connection.closeNow()
        }
        if listenerFD >= 0 {
            closeListener()
        }
        let closures = inbox.withLock { inbox -> [@Sendable () -> Void] in
            inbox.stopped = true
            defer { inbox.closures.removeAll() }
            return inbox.closures
        }
        for work in closures {
            work()
        }
        closeDescriptors()
        exited.store(true, ordering: .releasing)
    }
}

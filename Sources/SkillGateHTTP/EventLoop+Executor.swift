import Dispatch

extension EventLoop: TaskExecutor {
    /// Queues a job from a task that prefers this loop (every request's responder task does).
    ///
    /// On the loop thread this is an array append; from other threads (a timer firing, an actor
    /// hopping back) the job goes through the locked inbox and wakes the loop. After the loop has
    /// stopped, jobs run on a global queue so no task is ever stranded.
    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        if isCurrentThread {
            localJobs.append(unowned)
            return
        }
        let action = inbox.withLock { inbox -> InboxAction in
            if inbox.stopped { return .runElsewhere }
            inbox.jobs.append(unowned)
            if inbox.wakePending { return .none }
            inbox.wakePending = true
            return .wake
        }
        switch action {
        case .none: break
        case .wake: wake()
        case .runElsewhere:
            let executor = asUnownedTaskExecutor()
            DispatchQueue.global().async { unowned.runSynchronously(on: executor) }
        }
    }

    private enum InboxAction {
        case none
        case wake
        case runElsewhere
    }

    /// Runs `work` on the loop thread soon.
    /// - Returns: false when the loop has stopped and `work` will never run.
    @discardableResult
    func execute(_ work: @escaping @Sendable () -> Void) -> Bool {
        let action = inbox.withLock { inbox -> InboxAction in
            if inbox.stopped { return .runElsewhere }
            inbox.closures.append(work)
            if inbox.wakePending { return .none }
            inbox.wakePending = true
            return .wake
        }
        switch action {
        case .none: return true
        case .wake:
            wake()
            return true
        case .runElsewhere: return false
        }
    }

    /// Moves cross-thread submissions onto the loop and runs the closures.
    func runInbox() {
        let (jobs, closures) = inbox.withLock { inbox -> ([UnownedJob], [@Sendable () -> Void]) in
            inbox.wakePending = false
            guard !inbox.jobs.isEmpty || !inbox.closures.isEmpty else { return ([], []) }
            defer {
                inbox.jobs.removeAll()
                inbox.closures.removeAll()
            }
            return (inbox.jobs, inbox.closures)
        }
        localJobs.append(contentsOf: jobs)
        for work in closures {
            work()
        }
    }

    /// Ends the loop: closes every connection, then hands what is left to a global queue and
    /// releases the descriptors.
    func finish() {
        for case let connection? in connections {
            connection.closeNow()
        }
        if listenerFD >= 0 {
            closeListener()
        }
        runJobs()
        let (jobs, closures) = inbox.withLock { inbox -> ([UnownedJob], [@Sendable () -> Void]) in
            inbox.stopped = true
            defer {
                inbox.jobs.removeAll()
                inbox.closures.removeAll()
            }
            return (inbox.jobs, inbox.closures)
        }
        // From here on, jobs enqueued from any thread (this one included) run on a global queue.
        threadID.store(0, ordering: .releasing)
        for work in closures {
            work()
        }
        let executor = asUnownedTaskExecutor()
        for job in jobs + localJobs {
            DispatchQueue.global().async { job.runSynchronously(on: executor) }
        }
        localJobs.removeAll()
        closeDescriptors()
        exited.store(true, ordering: .releasing)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import CSkillGateSystem
import Dispatch
import SkillGateSystem
import Synchronization

/// A thread of its own that runs the jobs of request tasks: the executor every request's task
/// prefers (one worker per event loop, shared by every server in the process), so a handler runs
/// neither on an I/O thread nor on the global executor.
///
/// The global executor wakes a thread for each short job and puts it back to sleep after: at tens
/// of thousands of requests a second that is a futex round trip and two context switches per
/// request. A worker is woken only when it sleeps: the jobs its loop hands over in one iteration
/// cost one wake-up between them.
///
/// Every job runs with ``jobToken`` odd. ``HandlerWatch`` looks at the token of every worker every
/// few milliseconds; a worker showing the same odd token twice has been in one job (a handler that
/// blocks its thread) for a whole look, and the watch starts a thread that takes the worker over
/// (``takeOver(from:)``). The thread stuck in the job ends once the job returns, having touched
/// nothing of the worker meanwhile.
final class HandlerWorker: TaskExecutor {
    /// One worker per online processor, started on first use; event loop `i` uses worker `i % count`.
    static let shared: [HandlerWorker] = (0..<max(1, Platform.onlineProcessorCount)).map { _ in HandlerWorker() }

    /// The worker for the event loop numbered `index`.
    static func worker(for index: Int) -> HandlerWorker {
        let workers = shared
        let worker = workers[index % workers.count]
        worker.startIfNeeded()
        return worker
    }

    private struct Queue {
        var jobs: [UnownedJob] = []
        var head = 0
        /// Whether the worker's thread sleeps (or is about to) and must be woken for a new job.
        var parked = false
        var started = false
        /// Whether a held-back job (see ``hold()``) waits for the worker to be woken.
        var wakeOwed = false
        /// The event loops this worker's jobs replied to while they slept: woken together once the
        /// worker has no job left (or at the watch's next look, or by a take-over), not once per reply.
        var owedLoops: [EventLoop] = []

        mutating func take() -> UnownedJob? {
            guard head < jobs.count else { return nil }
            let job = jobs[head]
            head += 1
            if head == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                head = 0
            }
            return job
        }
    }

    private let queue = Mutex(Queue())
    private let wake = DispatchSemaphore(value: 0)
    /// Odd while a job runs; bumped to even when it returns, or by a take-over.
    let jobToken = Atomic<UInt64>(0)
    /// The kernel's ID of the thread running the worker (Linux; 0 elsewhere), so the watch can
    /// tell a blocked thread from one the scheduler merely has not run for a while.
    let threadID = Atomic<Int32>(0)

    private init() {}

    private func startIfNeeded() {
        let start = queue.withLock { queue -> Bool in
            defer { queue.started = true }
            return !queue.started
        }
        guard start else { return }
        HandlerWatch.shared.watch(self)
        if DetachedThread.start({ self.run() }) != 0 {
            // No thread: the jobs run on the global dispatch queue instead (see `enqueue`).
            queue.withLock { $0.started = false }
        }
    }

    /// Queues a job of a request's task; safe from any thread. Wakes the worker only if it sleeps.
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let held = cskillgate_held_worker() == Unmanaged.passUnretained(self).toOpaque()
        let signal = queue.withLock { queue -> Bool? in
            guard queue.started else { return nil }
            queue.jobs.append(job)
            guard queue.parked else { return false }
            if held {
                queue.wakeOwed = true
                return false
            }
            queue.parked = false
            return true
        }
        switch signal {
        case nil:
            let executor = asUnownedTaskExecutor()
            DispatchQueue.global().async { job.runSynchronously(on: executor) }
        case true?:
            wake.signal()
        case false?:
            break
        }
    }

    /// Holds back the wake-ups for the jobs the calling event-loop thread queues while it handles
    /// one wake-up's events, so the requests it starts reach the worker together: woken by the
    /// first, the worker would finish it before the loop has parsed the next, sleep again, and be
    /// woken once per request. Jobs from other threads still wake the worker at once.
    /// (The calling thread remembers whom it holds in a thread-local slot, as a worker's thread
    /// remembers its worker for ``oweWake(to:)``.)
    func hold() {
        cskillgate_set_held_worker(Unmanaged.passUnretained(self).toOpaque())
    }

    /// Ends the calling thread's ``hold()``, waking the worker if a held-back job waits.
    func release() {
        cskillgate_set_held_worker(nil)
        let signal = queue.withLock { queue -> Bool in
            guard queue.wakeOwed else { return false }
            queue.wakeOwed = false
            guard queue.parked else { return false }
            queue.parked = false
            return true
        }
        if signal { wake.signal() }
    }

    /// The worker's thread: runs queued jobs in order, sleeps when there are none. Returns when
    /// another thread took the worker over while a job ran here.
    func run() {
        #if os(Linux)
            threadID.store(cskillgate_thread_id(), ordering: .relaxed)
        #endif
        let executor = asUnownedTaskExecutor()
        cskillgate_set_current_worker(Unmanaged.passUnretained(self).toOpaque())
        defer { cskillgate_set_current_worker(nil) }
        while true {
            let next = queue.withLock { queue -> UnownedJob? in
                if let job = queue.take() { return job }
                queue.parked = true
                return nil
            }
            guard let job = next else {
                payOwedWakes()
                wake.wait()
                continue
            }
            let token = jobToken.load(ordering: .relaxed) &+ 1
            jobToken.store(token, ordering: .releasing)
            job.runSynchronously(on: executor)
            guard jobToken.compareExchange(expected: token, desired: token &+ 1, ordering: .acquiringAndReleasing).exchanged
            else {
                payOwedWakes()
                HandlerWatch.shared.threadReleased()
                return
            }
        }
    }

    /// The worker the calling thread runs, if it is a worker thread.
    static var current: HandlerWorker? {
        guard let pointer = cskillgate_current_worker() else { return nil }
        return Unmanaged<HandlerWorker>.fromOpaque(pointer).takeUnretainedValue()
    }

    /// Defers the wake-up of `loop` (owed by a reply of a job on this worker) until the worker runs
    /// out of jobs: the replies of one batch of requests then reach their loop with one wake-up.
    /// If a later job blocks first, ``HandlerWatch`` writes the wake-up at its next look.
    func oweWake(to loop: EventLoop) {
        queue.withLock { $0.owedLoops.append(loop) }
    }

    /// Writes the deferred wake-ups.
    func payOwedWakes() {
        let loops = queue.withLock { queue -> [EventLoop] in
            guard !queue.owedLoops.isEmpty else { return [] }
            defer { queue.owedLoops.removeAll(keepingCapacity: true) }
            return queue.owedLoops
        }
        for loop in loops { loop.signalWake() }
    }

    /// Whether jobs wait behind the one running.
    var hasWaitingJobs: Bool {
        queue.withLock { $0.head < $0.jobs.count }
    }

    /// Makes the calling thread the worker's thread if the worker is still in the job whose token
    /// is `token`; the thread stuck in that job ends once the job returns.
    /// - Returns: whether this thread now runs the worker.
    func takeOver(from token: UInt64) -> Bool {
        let taken = jobToken.compareExchange(expected: token, desired: token &+ 1, ordering: .acquiringAndReleasing).exchanged
        if taken { payOwedWakes() }
        return taken
    }
}

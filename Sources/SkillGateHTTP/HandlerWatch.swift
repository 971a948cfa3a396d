#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import SkillGateSystem
import Synchronization

/// One thread per process that keeps a blocking handler from holding up the other requests of its
/// ``HandlerWorker``: a worker found in the same job at two looks in a row gets a new thread, which
/// takes the worker over, and the blocking handler keeps the old one.
///
/// It looks every ``busyInterval`` while some worker was in a job at the last look, otherwise every
/// ``idleInterval``: a handler that blocks holds up the requests queued behind it for one to two
/// busy intervals, plus up to one idle interval when the server was quiet before; so do the
/// replies of jobs it ran just before, whose loops' wake-ups it owes (see
/// ``HandlerWorker/oweWake(to:)``) and which every look writes. I/O is never held up: the event
/// loops run no handler. A worker is taken over only when jobs wait behind it
/// and (on Linux) its thread is not runnable: on a loaded machine a thread the scheduler has not
/// run for a while is not blocked, and gets a new thread only after ``patientLooks`` looks.
final class HandlerWatch: Sendable {
    /// The process's watch (its thread starts with the first worker).
    static let shared = HandlerWatch()

    /// Microseconds between looks while workers are busy.
    static let busyInterval: UInt32 = 10_000
    /// Microseconds between looks while every worker waits for jobs.
    static let idleInterval: UInt32 = 100_000
    /// The most threads left to blocking handlers at once: past it a stuck worker waits for one of
    /// them to return, as a pool of fixed size would.
    static let maximumAbandoned = 256
    /// Looks after which a worker in the same job is taken over even though its thread is runnable
    /// (a handler that computes for that long without awaiting).
    static let patientLooks = 20

    /// Threads that lost their worker and are still in a handler's job.
    private let abandoned = Atomic<Int>(0)

    private struct Watched: Sendable {
        let worker: HandlerWorker
        /// The worker's job token at the last look.
        var lastToken: UInt64 = 0
        /// Looks in a row that found the worker in the same job.
        var sameJobLooks = 0
    }

    private struct State: Sendable {
        var workers: [Watched] = []
        var started = false
    }

    private let state = Mutex(State())

    /// Starts watching `worker` (workers live as long as the process).
    func watch(_ worker: HandlerWorker) {
        let start = state.withLock { state -> Bool in
            state.workers.append(Watched(worker: worker))
            defer { state.started = true }
            return !state.started
        }
        if start, DetachedThread.start({ self.run() }) != 0 {
            state.withLock { $0.started = false }
        }
    }

    /// A thread that lost its worker has returned from the handler's job and ends.
    func threadReleased() {
        abandoned.subtract(1, ordering: .relaxed)
    }

    private func run() {
        var busy = false
        while true {
            usleep(busy ? Self.busyInterval : Self.idleInterval)
            var stuck: [(worker: HandlerWorker, token: UInt64, looks: Int)] = []
            var inJob: [HandlerWorker] = []
            state.withLock { state in
                for index in state.workers.indices {
                    let worker = state.workers[index].worker
                    let token = worker.jobToken.load(ordering: .acquiring)
                    if token & 1 == 1 {
                        inJob.append(worker)
                        if token == state.workers[index].lastToken {
                            state.workers[index].sameJobLooks += 1
                            stuck.append((worker, token, state.workers[index].sameJobLooks))
                        } else {
                            state.workers[index].sameJobLooks = 0
                        }
                    } else {
                        state.workers[index].sameJobLooks = 0
                    }
                    state.workers[index].lastToken = token
                }
            }
            busy = !inJob.isEmpty
            // Replies a job queued before the worker moved on to a job that is still running: their
            // loops' wake-ups are written here rather than when the worker runs out of jobs (a
            // worker out of jobs has written its own).
            for worker in inJob {
                worker.payOwedWakes()
            }
            stuck.removeAll { candidate in
                !candidate.worker.hasWaitingJobs
                    || (candidate.looks < Self.patientLooks && Self.isRunnable(candidate.worker.threadID.load(ordering: .relaxed)))
            }
            for (worker, token, _) in stuck where abandoned.load(ordering: .relaxed) < Self.maximumAbandoned {
                // If the thread cannot start, the next look finds the worker stuck again and retries.
                _ = DetachedThread.start {
                    guard worker.takeOver(from: token) else { return }
                    self.abandoned.add(1, ordering: .relaxed)
                    worker.run()
                }
            }
        }
    }

    /// Whether the thread `threadID` of this process is running or waiting for a processor
    /// (state `R` in `/proc/self/task/<id>/stat`); false when it sleeps, or cannot be told.
    static func isRunnable(_ threadID: Int32) -> Bool {
        #if os(Linux)
            guard threadID > 0 else { return false }
            let fd = open("/proc/self/task/\(threadID)/stat", O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return false }
            defer { close(fd) }
            var buffer = [UInt8](repeating: 0, count: 512)
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { return false }
            // `tid (name) S …`: the name may hold spaces and parentheses, so look after the last `)`.
            guard let end = buffer[..<count].lastIndex(of: UInt8(ascii: ")")), end + 2 < count else { return false }
            return buffer[end + 2] == UInt8(ascii: "R")
        #else
            return false
        #endif
    }
}

import Dispatch

/// A task executor with a serial dispatch queue of its own, which gets a thread of its own even when
/// others block (dispatch starts a new thread for it; Swift concurrency's pool has one per core).
///
/// A certificate download runs with this executor as its preference, so a fetcher that blocks (a
/// name lookup that never answers, a synchronous read) blocks only this thread: never a thread that
/// serves requests, nor the global queue a watchdog would need. A download that never returns leaves
/// its thread stuck; the verifier counts it against ``CertificateDownloadLimits/maximumConcurrentDownloads``.
final class DownloadThread: TaskExecutor {
    private let queue: DispatchQueue

    /// Creates the executor and its queue.
    /// - Parameter label: the queue's name, seen in debuggers.
    init(label: String = "SkillGateVerification.certificate-download") {
        queue = DispatchQueue(label: label)
    }

    /// Runs `job` on this executor's queue.
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}

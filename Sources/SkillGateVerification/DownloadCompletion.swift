import Synchronization

/// Resumes a download's continuation exactly once: with the worker's result or the watchdog's
/// timeout, whichever comes first; later calls do nothing.
final class DownloadCompletion: Sendable {
    private let continuation: Mutex<CheckedContinuation<Result<[UInt8], CertificateFetchError>, Never>?>

    /// Wraps a continuation.
    init(_ continuation: CheckedContinuation<Result<[UInt8], CertificateFetchError>, Never>) {
        self.continuation = Mutex(continuation)
    }

    /// Resumes the continuation if nothing has yet.
    /// - Parameter result: the downloaded bytes or why there are none.
    func resume(with result: Result<[UInt8], CertificateFetchError>) {
        let waiting = continuation.withLock { stored -> CheckedContinuation<Result<[UInt8], CertificateFetchError>, Never>? in
            defer { stored = nil }
            return stored
        }
        waiting?.resume(returning: result)
    }
}

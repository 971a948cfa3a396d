import Synchronization

/// What waiting for a signing certificate ends with.
typealias CertificateOutcome = Result<SigningCertificate, VerificationError>

/// The downloads of signing-certificate chains that are not cached: one per URL however many
/// requests wait for it (single flight), at most ``CertificateDownloadLimits/maximumConcurrentDownloads``
/// running and ``CertificateDownloadLimits/maximumWaitingDownloads`` waiting for a turn, failures
/// remembered for ``CertificateDownloadLimits/failureCacheDuration``, and every wait bounded by
/// ``CertificateDownloadLimits/timeout``.
///
/// Downloads run on threads of their own (``DownloadThread``); the deadlines are sleeping tasks on
/// Swift's global executor (never a download's), which no download blocks, so a deadline fires even
/// when every download is stuck.
/// A download past its deadline is abandoned: its waiters are answered and its URL remembered as
/// failed, but it keeps its place until it returns (a late success is still cached by the caller's
/// download closure). Everything under the lock is bookkeeping; continuations resume outside it.
final class CertificateDownloads: Sendable {
    /// Fetches and checks one chain, storing a success in the certificate cache.
    typealias Download = @Sendable () async -> CertificateOutcome

    private struct Waiter {
        let continuation: CheckedContinuation<CertificateOutcome, Never>
        var timer: Task<Void, Never>?
    }

    private struct Flight {
        let id: UInt64
        let download: Download
        var waiters: [UInt64: Waiter] = [:]
        var started = false
        var timer: Task<Void, Never>?
    }

    private struct Failure {
        let error: VerificationError
        let until: ContinuousClock.Instant
    }

    private struct State {
        var flights: [String: Flight] = [:]
        var waiting: [String] = []
        var running = 0
        var failures: [String: Failure] = [:]
        var nextID: UInt64 = 0
        var isShutDown = false
    }

    /// A download to launch once the lock is released.
    private struct Start {
        let key: String
        let id: UInt64
        let download: Download
        let deadline: ContinuousClock.Instant
    }

    /// What a new waiter gets: an answer now, or a wait (perhaps starting a download). A waiter for a
    /// running download needs no deadline of its own: the download's comes first and answers it;
    /// a waiter for a download still waiting for a turn gets one (`deadline`).
    private enum Registration {
        case answer(CertificateOutcome)
        case wait(deadline: ContinuousClock.Instant?, start: Start?)
    }

    /// The limits.
    let limits: CertificateDownloadLimits
    private let state = Mutex(State())

    /// Creates an idle set of downloads.
    /// - Parameter limits: the limits.
    init(limits: CertificateDownloadLimits) {
        self.limits = limits
    }

    /// How many downloads have not returned yet, abandoned ones included.
    var runningCount: Int { state.withLock { $0.running } }

    /// How many failed URLs are remembered (expired entries included until they are looked up).
    var failureCount: Int { state.withLock { $0.failures.count } }

    /// The chain for `key`: joins the download in flight for it, or starts one (or queues it for a
    /// turn), and waits at most ``CertificateDownloadLimits/timeout``.
    /// - Parameters:
    ///   - key: the normalised chain URL.
    ///   - download: fetches and checks the chain; run only if no download for `key` is in flight.
    /// - Returns: the certificate, or why none was obtained (a remembered failure, a limit, the
    ///   deadline, shutdown, or the download's own failure).
    func certificate(for key: String, download: @escaping Download) async -> CertificateOutcome {
        let id = state.withLock { state -> UInt64 in
            state.nextID &+= 1
            return state.nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let registration =
                    Task.isCancelled
                    ? .answer(.failure(Self.cancelled(key)))
                    : state.withLock { register(key, id: id, continuation, download, in: &$0) }
                switch registration {
                case .answer(let outcome):
                    continuation.resume(returning: outcome)
                case .wait(let deadline, let start):
                    if let deadline { arm(waiter: id, key: key, until: deadline) }
                    if let start { launch(start) }
                }
            }
        } onCancel: {
            self.end(waiter: id, key: key, with: .failure(Self.cancelled(key)))
        }
    }

    /// Answers every waiting request with ``VerificationError/Code/shuttingDown`` and starts no more
    /// downloads; cached chains keep verifying. Downloads already running are left to finish or stay
    /// stuck on their own threads: nothing waits for them.
    func shutDown() {
        let flights = state.withLock { state -> [String: Flight] in
            state.isShutDown = true
            state.waiting = []
            defer { state.flights = [:] }
            return state.flights
        }
        for (key, flight) in flights {
            flight.timer?.cancel()
            answer(Array(flight.waiters.values), with: .failure(Self.shutDown(key)))
        }
    }

    private func register(
        _ key: String, id: UInt64, _ continuation: CheckedContinuation<CertificateOutcome, Never>, _ download: @escaping Download,
        in state: inout State
    ) -> Registration {
        if state.isShutDown { return .answer(.failure(Self.shutDown(key))) }
        let now = ContinuousClock.now
        if let failure = state.failures[key] {
            if failure.until > now { return .answer(.failure(failure.error)) }
            state.failures[key] = nil
        }
        let deadline = now.advanced(by: limits.timeout)
        if let flight = state.flights[key] {
            state.flights[key]?.waiters[id] = Waiter(continuation: continuation)
            return .wait(deadline: flight.started ? nil : deadline, start: nil)
        }
        var flight = Flight(id: id, download: download)
        flight.waiters[id] = Waiter(continuation: continuation)
        if state.running < limits.maximumConcurrentDownloads {
            flight.started = true
            state.running += 1
            state.flights[key] = flight
            return .wait(deadline: nil, start: Start(key: key, id: id, download: download, deadline: deadline))
        }
        guard state.waiting.count < limits.maximumWaitingDownloads else {
            return .answer(.failure(busy(key, running: state.running, waiting: state.waiting.count)))
        }
        state.waiting.append(key)
        state.flights[key] = flight
        return .wait(deadline: deadline, start: nil)
    }

    /// Sets the waiter's deadline.
    private func arm(waiter id: UInt64, key: String, until deadline: ContinuousClock.Instant) {
        let timer = Task(executorPreference: globalConcurrentExecutor) {
            try? await Task.sleep(until: deadline, clock: .continuous)
            guard !Task.isCancelled else { return }
            self.end(waiter: id, key: key, with: .failure(self.timedOut(key)))
        }
        let kept = state.withLock { state -> Bool in
            guard state.flights[key]?.waiters[id] != nil else { return false }
            state.flights[key]?.waiters[id]?.timer = timer
            return true
        }
        if !kept { timer.cancel() }
    }

    /// One waiter stops waiting (its deadline, or its task was cancelled). A download nobody waits
    /// for any more is dropped if it has not started; a started one finishes and fills the cache.
    private func end(waiter id: UInt64, key: String, with outcome: CertificateOutcome) {
        let waiter = state.withLock { state -> Waiter? in
            guard var flight = state.flights[key], let waiter = flight.waiters.removeValue(forKey: id) else { return nil }
            if flight.waiters.isEmpty && !flight.started {
                state.flights[key] = nil
                state.waiting.removeAll { $0 == key }
            } else {
                state.flights[key] = flight
            }
            return waiter
        }
        if let waiter { answer([waiter], with: outcome) }
    }

    /// Runs a download on a thread of its own and sets its deadline.
    private func launch(_ start: Start) {
        Task(executorPreference: DownloadThread()) {
            let outcome = await start.download()
            self.finish(start, with: outcome)
        }
        let timer = Task(executorPreference: globalConcurrentExecutor) {
            try? await Task.sleep(until: start.deadline, clock: .continuous)
            guard !Task.isCancelled else { return }
            self.abandon(start)
        }
        let kept = state.withLock { state -> Bool in
            guard state.flights[start.key]?.id == start.id else { return false }
            state.flights[start.key]?.timer = timer
            return true
        }
        if !kept { timer.cancel() }
    }

    /// The download's deadline passed: answer its waiters and remember the URL as failed; the
    /// download keeps its place until it returns.
    private func abandon(_ start: Start) {
        let error = timedOut(start.key)
        let waiters = state.withLock { state -> [Waiter] in
            guard let flight = state.flights[start.key], flight.id == start.id else { return [] }
            state.flights[start.key] = nil
            remember(error, for: start.key, in: &state)
            return Array(flight.waiters.values)
        }
        answer(waiters, with: .failure(error))
    }

    /// The download returned: answer its waiters (unless it was abandoned), remember a failure,
    /// forget an old failure on a late success, and give free places to waiting URLs.
    private func finish(_ start: Start, with outcome: CertificateOutcome) {
        let (waiters, timer, starts) = state.withLock { state -> ([Waiter], Task<Void, Never>?, [Start]) in
            state.running -= 1
            var waiters: [Waiter] = []
            var timer: Task<Void, Never>?
            if let flight = state.flights[start.key], flight.id == start.id {
                state.flights[start.key] = nil
                waiters = Array(flight.waiters.values)
                timer = flight.timer
                if case .failure(let error) = outcome { remember(error, for: start.key, in: &state) }
            } else if case .success = outcome {
                state.failures[start.key] = nil
            }
            return (waiters, timer, nextStarts(in: &state))
        }
        timer?.cancel()
        answer(waiters, with: outcome)
        for next in starts { launch(next) }
    }

    /// Starts waiting URLs, oldest first, while places are free.
    private func nextStarts(in state: inout State) -> [Start] {
        var starts: [Start] = []
        guard !state.isShutDown else { return starts }
        let deadline = ContinuousClock.now.advanced(by: limits.timeout)
        while state.running < limits.maximumConcurrentDownloads, !state.waiting.isEmpty {
            let key = state.waiting.removeFirst()
            guard var flight = state.flights[key], !flight.started else { continue }
            flight.started = true
            state.running += 1
            state.flights[key] = flight
            starts.append(Start(key: key, id: flight.id, download: flight.download, deadline: deadline))
        }
        return starts
    }

    /// Remembers a failed URL, dropping expired entries (then the soonest to expire) when full.
    private func remember(_ error: VerificationError, for key: String, in state: inout State) {
        guard limits.failureCacheDuration > .zero else { return }
        let now = ContinuousClock.now
        if state.failures[key] == nil, state.failures.count >= limits.failureCacheCapacity {
            state.failures = state.failures.filter { $0.value.until > now }
            if state.failures.count >= limits.failureCacheCapacity,
                let soonest = state.failures.min(by: { $0.value.until < $1.value.until })
            {
                state.failures[soonest.key] = nil
            }
        }
        let remembered = VerificationError(
            error.code,
            "\(error.reason) (Remembered for \(Self.seconds(limits.failureCacheDuration)): requests naming this URL get this answer without a new download until then.)"
        )
        state.failures[key] = Failure(error: remembered, until: now.advanced(by: limits.failureCacheDuration))
    }

    private func answer(_ waiters: [Waiter], with outcome: CertificateOutcome) {
        for waiter in waiters {
            waiter.timer?.cancel()
            waiter.continuation.resume(returning: outcome)
        }
    }
}

import Synchronization

/// Runs `operation`, but returns `fallback()` if it has not finished within `timeout`.
/// The operation is cancelled (cooperatively) when the deadline wins, and the caller never waits
/// for a handler that ignores cancellation; the timer is cancelled when the operation wins.
func withDeadline<Value: Sendable>(
    _ timeout: Duration, operation: @escaping @Sendable () async -> Value, fallback: @escaping @Sendable () -> Value
) async -> Value {
    let race = DeadlineRace<Value>()
    return await withCheckedContinuation { continuation in
        race.waiting.withLock { $0 = continuation }
        let timer = Task {
            try? await Task.sleep(for: timeout)
            guard !Task.isCancelled, let continuation = race.waiting.withLock({ $0.take() }) else { return }
            race.work.withLock { $0 }?.cancel()
            continuation.resume(returning: fallback())
        }
        let task = Task {
            let value = await operation()
            timer.cancel()
            race.waiting.withLock { $0.take() }?.resume(returning: value)
        }
        race.work.withLock { $0 = task }
    }
}

/// The shared state of one deadline race; whoever takes the continuation first answers.
private final class DeadlineRace<Value: Sendable>: Sendable {
    let waiting = Mutex<CheckedContinuation<Value, Never>?>(nil)
    let work = Mutex<Task<Void, Never>?>(nil)
}

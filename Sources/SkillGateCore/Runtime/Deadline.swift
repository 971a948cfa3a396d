import Synchronization

/// Runs `operation`, but returns `fallback()` if it has not finished within `timeout`.
/// The operation is cancelled (cooperatively) when the deadline wins, and the caller never waits
/// for a handler that ignores cancellation. No timer is set per call: one shared watcher checks
/// every pending deadline (see ``DeadlineWatch``), so the fallback may come up to
/// ``DeadlineWatch/granularity`` late.
///
/// Never inlined: its continuation types have a resilient layout, so inlined into a caller they
/// would cost that caller task allocations on every call, deadline or not.
@inline(never)
func withDeadline<Value: Sendable>(
    _ timeout: Duration, operation: @escaping @Sendable () async -> Value, fallback: @escaping @Sendable () -> Value
) async -> Value {
    await withCheckedContinuation { continuation in
        let race = DeadlineRace<Value>(reply: { continuation.resume(returning: $0) }, fallback: fallback)
        race.cancelOnExpiry(
            Task {
                let value = await operation()
                race.claim()?(value)
            })
        DeadlineWatch.shared.watch(race, until: ContinuousClock.now.advanced(by: timeout))
    }
}

/// A pending deadline as ``DeadlineWatch`` sees it.
protocol DeadlineEntry: AnyObject, Sendable {
    /// Whether the race is over (the operation answered, or the deadline already won).
    var isSettled: Bool { get }
    /// The deadline has passed: answer with the fallback unless already settled.
    func expire()
}

/// Watches every pending ``withDeadline(_:operation:fallback:)`` call from one task, which sleeps
/// only while calls are pending, at most ``granularity`` at a time: a timer per request (a
/// `Task.sleep` to set and cancel) would cost more than the request itself.
final class DeadlineWatch: Sendable {
    private struct State {
        var pending: [(deadline: ContinuousClock.Instant, entry: any DeadlineEntry)] = []
        var watching = false
    }

    /// The most a fallback can come after its deadline.
    static let granularity = Duration.milliseconds(50)
    /// The process-wide watcher.
    static let shared = DeadlineWatch()

    private let state = Mutex(State())

    /// Starts watching `entry` until `deadline`.
    func watch(_ entry: any DeadlineEntry, until deadline: ContinuousClock.Instant) {
        let start = state.withLock { state -> Bool in
            state.pending.append((deadline, entry))
            guard !state.watching else { return false }
            state.watching = true
            return true
        }
        if start {
            Task.detached { await self.run() }
        }
    }

    /// Wakes up until nothing is pending: drops settled entries and expires overdue ones.
    private func run() async {
        while true {
            let now = ContinuousClock.now
            let (expired, next) = state.withLock { state -> ([any DeadlineEntry], ContinuousClock.Instant?) in
                var expired: [any DeadlineEntry] = []
                var next: ContinuousClock.Instant?
                state.pending.removeAll { pending in
                    if pending.entry.isSettled { return true }
                    if pending.deadline <= now {
                        expired.append(pending.entry)
                        return true
                    }
                    next = min(next ?? pending.deadline, pending.deadline)
                    return false
                }
                if next == nil { state.watching = false }
                return (expired, next)
            }
            for entry in expired {
                entry.expire()
            }
            guard let next else { return }
            try? await Task.sleep(for: min(now.duration(to: next), Self.granularity))
        }
    }
}

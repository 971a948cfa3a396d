import Synchronization

/// A deadline race, the one both deadlines use: whoever comes first, the operation with its
/// answer (``claim()``) or the watcher with the fallback (``expire()``), calls the reply; the other
/// finds nothing to do. A caller that answers by callback (``SkillRunner/handle(admitted:reply:)``)
/// runs the operation in its own task, so no task is started to race it (that task and the
/// resumption of the caller cost two trips through the global executor per request);
/// ``withDeadline(_:operation:fallback:)`` runs it in a task of its own, which the deadline cancels.
final class DeadlineRace<Value: Sendable>: DeadlineEntry {
    private struct State {
        var reply: (@Sendable (Value) -> Void)?
        var fallback: (@Sendable () -> Value)?
        /// The operation's own task, cancelled if the deadline wins.
        var work: Task<Void, Never>?
    }

    private let state: Mutex<State>

    /// - Parameters:
    ///   - reply: called once, with the operation's answer or the fallback.
    ///   - fallback: the answer when the deadline passes first.
    init(reply: @escaping @Sendable (Value) -> Void, fallback: @escaping @Sendable () -> Value) {
        state = Mutex(State(reply: reply, fallback: fallback))
    }

    /// The operation has its answer: returns the reply to call with it, or nil if the deadline
    /// answered first. Either way the race lets go of the fallback (and the request it holds) at
    /// once, not at the watcher's next look.
    func claim() -> (@Sendable (Value) -> Void)? {
        state.withLock { state in
            state.fallback = nil
            state.work = nil
            return state.reply.take()
        }
    }

    /// Cancels `task` (the operation's own) when the deadline wins; at once if the race is over
    /// already (a task that has answered ignores it).
    func cancelOnExpiry(_ task: Task<Void, Never>) {
        let settled = state.withLock { state -> Bool in
            guard state.reply != nil else { return true }
            state.work = task
            return false
        }
        if settled { task.cancel() }
    }

    var isSettled: Bool { state.withLock { $0.reply == nil } }

    func expire() {
        let (reply, fallback, work) = state.withLock { ($0.reply.take(), $0.fallback.take(), $0.work.take()) }
        guard let reply, let fallback else { return }
        work?.cancel()
        reply(fallback())
    }
}

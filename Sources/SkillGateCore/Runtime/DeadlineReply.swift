import Synchronization

/// A deadline race for a caller that answers by callback (``SkillRunner/handle(admitted:reply:)``):
/// the operation runs in the caller's own task, so no task is started to race it (that task and
/// the resumption of the caller cost two trips through the global executor per request). Whoever
/// comes first, the caller with its answer (``claim()``) or the watcher with the fallback
/// (``expire()``), calls the reply; the other finds nothing to do.
final class DeadlineReply<Value: Sendable>: DeadlineEntry {
    private struct State {
        var reply: (@Sendable (Value) -> Void)?
        var fallback: (@Sendable () -> Value)?
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
            return state.reply.take()
        }
    }

    var isSettled: Bool { state.withLock { $0.reply == nil } }

    func expire() {
        let (reply, fallback) = state.withLock { ($0.reply.take(), $0.fallback.take()) }
        guard let reply, let fallback else { return }
        reply(fallback())
    }
}

import SkillGateLogging
import Synchronization

/// A started server's event loops, counted down as they exit: once all have, it logs the end
/// and resumes everyone waiting in ``wait()``. It also holds what the loops share about
/// connections: the limits in force, the per-address counts and the lingering refusals.
final class LoopGroup: Sendable {
    private struct State {
        var remaining: Int
        var waiters: [CheckedContinuation<Void, Never>] = []
        var finished = false
    }

    private let state: Mutex<State>
    private let logger: Logger
    /// Connections still open when the drain timed out, summed over the loops.
    let drainTimedOut = Atomic<Int>(0)
    /// The connection limits in force (the configured ones fitted to the open-file limit).
    let limits: HTTPConnectionLimits
    /// Open connections per client address.
    let clients = ClientAddressCounts()
    /// Refused connections lingering to deliver their 503, at most ``HTTPConnectionLimits/refusalSlots``.
    let lingeringRefusals = Atomic<Int>(0)

    /// - Parameters:
    ///   - count: how many loops will report ``loopExited()``.
    ///   - limits: the connection limits the loops enforce.
    ///   - logger: receives the stop messages.
    init(count: Int, limits: HTTPConnectionLimits, logger: Logger) {
        self.state = Mutex(State(remaining: count))
        self.limits = limits
        self.logger = logger
    }

    /// Called once by each loop as its thread ends.
    func loopExited() {
        let last = state.withLock { state -> Bool in
            state.remaining -= 1
            return state.remaining == 0
        }
        guard last else { return }
        let closed = drainTimedOut.load(ordering: .relaxed)
        if closed > 0 {
            logger.warning("HTTP server drain timed out; closed \(closed) connection(s)")
        }
        logger.notice("HTTP server stopped")
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.finished = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Suspends until every loop has exited.
    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let finished = state.withLock { state -> Bool in
                if state.finished { return true }
                state.waiters.append(continuation)
                return false
            }
            if finished { continuation.resume() }
        }
    }
}

import SkillGateLogging
import Synchronization
extension HTTPServer {
    /// Serves until a graceful shutdown is triggered, then drains and returns.
    ///
    /// Starts the server first if ``start()`` has not been called. Returns once
    /// ``triggerGracefulShutdown()`` (or ``shutdown()``) has been called and the drain is over:
    /// in-flight requests answered, or ``HTTPServerConfiguration/drainTimeout`` passed. If the
    /// shutdown was triggered before `run()`, it returns at once, having served nothing.
    /// Cancelling the calling task triggers the graceful shutdown.
    /// - Throws: ``HTTPServerError`` when the server cannot start.
    public func run() async throws {
        let group = try state.withLock { state throws(HTTPServerError) -> LoopGroup? in
            switch state {
            case .stopped:
                return nil
            case .draining(let group):
                return group
            case .idle, .running:
                _ = try startLocked(&state)
                guard case .running(_, let group, _) = state else { return nil }
                return group
            }
        }
        guard let group else { return }
        await withTaskCancellationHandler {
            await group.wait()
        } onCancel: {
            self.triggerGracefulShutdown()
        }
    }

    /// Starts a graceful shutdown: stop accepting, answer every request that reaches a socket (in
    /// flight, pipelined, or sent on an idle keep-alive connection during the drain; the last on
    /// each connection with `Connection: close`), close idle keep-alive connections once quiet for
    /// about a second, and after ``HTTPServerConfiguration/drainTimeout`` close whatever is left.
    ///
    /// Returns at once; ``run()`` and ``shutdown()`` return when the drain is over. Safe from any
    /// thread (a signal handler's queue included) and idempotent. Before the server has started
    /// it only marks the server stopped.
    public func triggerGracefulShutdown() {
        let loops = state.withLock { state -> [EventLoop] in
            switch state {
            case .idle:
                state = .stopped
                return []
            case .running(let loops, let group, _):
                state = .draining(group: group)
                return loops
            case .draining, .stopped:
                return []
            }
        }
        guard !loops.isEmpty else { return }
        context.logger.notice("HTTP server draining \(connectionCount) connection(s)")
        let deadline = MonotonicClock.now() &+ context.configuration.drainTimeout.nanoseconds
        for loop in loops {
            loop.execute { loop.beginDrain(deadline: deadline) }
        }
    }

    /// Stops gracefully (see ``triggerGracefulShutdown()``) and returns once everything is closed.
    public func shutdown() async {
        triggerGracefulShutdown()
        let group = state.withLock { state -> LoopGroup? in
            if case .draining(let group) = state { return group }
            return nil
        }
        await group?.wait()
    }
}

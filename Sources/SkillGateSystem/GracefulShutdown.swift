import Synchronization

/// A graceful-shutdown trigger shared by `main()` and the services it runs (the shape of
/// swift-service-lifecycle's): a service registers what "stop" means for it; `main()` (on a
/// signal) or a test calls ``trigger(reason:)``; each registered action runs once.
public final class GracefulShutdown: Sendable {
    private struct State {
        var triggered = false
        var actions: [@Sendable (String) -> Void] = []
        var reason = ""
    }

    private let state = Mutex(State())

    /// Creates an untriggered shutdown.
    public init() {}

    /// Whether ``trigger(reason:)`` has been called.
    public var isTriggered: Bool { state.withLock { $0.triggered } }

    /// Registers what to do on shutdown; runs it at once if shutdown was already triggered.
    /// - Parameter action: called with the reason given to ``trigger(reason:)``; e.g. logs it and
    ///   calls `server.triggerGracefulShutdown()`.
    public func onTrigger(_ action: @escaping @Sendable (_ reason: String) -> Void) {
        let reason = state.withLock { state -> String? in
            if state.triggered { return state.reason }
            state.actions.append(action)
            return nil
        }
        if let reason { action(reason) }
    }

    /// Starts the shutdown: runs every registered action once. Later calls do nothing.
    /// - Parameter reason: why, for the services' log lines, e.g. `received SIGTERM`.
    public func trigger(reason: String = "shutdown requested") {
        let actions = state.withLock { state -> [@Sendable (String) -> Void] in
            guard !state.triggered else { return [] }
            state.triggered = true
            state.reason = reason
            defer { state.actions.removeAll() }
            return state.actions
        }
        for action in actions { action(reason) }
    }
}

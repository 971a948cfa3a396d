import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns SIGTERM and SIGINT into a call, for a program's `main()`: the only place that installs
/// signal handlers. Library services never do; they expose a graceful-shutdown trigger instead.
///
/// While installed, the two signals are ignored by the process (so a second one during a drain
/// does not cut it short) and delivered through dispatch signal sources; ``cancel()`` restores
/// their previous actions.
public final class TerminationSignals: Sendable {
    private struct Installed {
        var sources: [any DispatchSourceSignal] = []
        var previousActions: [(number: Int32, action: sigaction)] = []
    }

    private let installed: Mutex<Installed>
    private static let signals: [(number: Int32, name: String)] = [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")]

    /// Installs the handlers.
    /// - Parameter onSignal: called with the signal's name (`SIGTERM`, `SIGINT`) for the first
    ///   signal that arrives; later signals are ignored.
    public init(onSignal: @escaping @Sendable (String) -> Void) {
        let queue = DispatchQueue(label: "SkillGateSystem.TerminationSignals")
        let once = OnceFlag()
        var installed = Installed()
        for (number, name) in Self.signals {
            var previous = sigaction()
            sigaction(number, nil, &previous)
            installed.previousActions.append((number, previous))
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if once.claim() { onSignal(name) }
            }
            source.resume()
            installed.sources.append(source)
        }
        self.installed = Mutex(installed)
    }

    /// Removes the handlers and restores the signals' previous actions.
    public func cancel() {
        installed.withLock { installed in
            for source in installed.sources { source.cancel() }
            for (number, action) in installed.previousActions {
                var previous = action
                sigaction(number, &previous, nil)
            }
            installed = Installed()
        }
    }

    deinit {
        cancel()
    }
}

/// A flag that can be claimed once, from any thread.
private final class OnceFlag: Sendable {
    private let claimed = Atomic<Bool>(false)

    /// True for the first caller only.
    func claim() -> Bool {
        !claimed.exchange(true, ordering: .acquiringAndReleasing)
    }
}

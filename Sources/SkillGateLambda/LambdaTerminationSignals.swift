import Dispatch
import Glibc
import Synchronization
import SkillGateLogging

/// Stops a ``LambdaRuntime`` on SIGTERM or SIGINT, so the process exits cleanly when Lambda shuts
/// the execution environment down (it sends SIGTERM, then SIGKILL after a grace period).
///
/// While installed, the signals' previous actions are replaced; ``cancel()`` restores them.
public final class LambdaTerminationSignals: Sendable {
    private struct Installed {
        var sources: [any DispatchSourceSignal] = []
        var previousActions: [(number: Int32, action: sigaction)] = []
    }

    private let installed: Mutex<Installed>
    private static let signals: [(number: Int32, name: String)] = [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")]

    /// Installs the handlers: each signal logs a notice and calls ``LambdaRuntime/stop()``, so
    /// the invocation in progress is answered and ``LambdaRuntime/run(_:)`` returns.
    /// - Parameter runtime: the runtime to stop.
    public init(stopping runtime: LambdaRuntime) {
        let queue = DispatchQueue(label: "SkillGateLambda.signals")
        let logger = runtime.logger
        var installed = Installed()
        for (number, name) in Self.signals {
            var previous = sigaction()
            sigaction(number, nil, &previous)
            installed.previousActions.append((number, previous))
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                logger.notice("received \(name); stopping the Lambda runtime")
                runtime.stop()
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

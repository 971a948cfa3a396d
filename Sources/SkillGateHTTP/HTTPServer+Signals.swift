import Dispatch
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

extension HTTPServer {
    /// Starts the server if needed, waits for SIGTERM or SIGINT, then shuts down gracefully and returns.
    ///
    /// The two signals are ignored from then on for the rest of the process's life (a second
    /// signal during the drain does not cut responses short), so the caller exits normally.
    /// - Throws: ``HTTPServerError`` if the server cannot start.
    public func runUntilSignalled() async throws {
        try start()
        let context = self.context
        let signalName = await SignalWaiter.waitForTermination {
            context.signalHandlersInstalled.store(true, ordering: .releasing)
        }
        context.logger.notice("received \(signalName); shutting down")
        await shutdown()
    }

    /// Whether ``runUntilSignalled()`` has installed its signal handlers (for tests).
    var signalHandlersInstalled: Bool {
        context.signalHandlersInstalled.load(ordering: .acquiring)
    }
}

/// Waits for SIGTERM or SIGINT with dispatch signal sources.
enum SignalWaiter {
    /// Resumes a continuation at most once, from whichever signal arrives first.
    private final class Once: Sendable {
        let fired = Atomic<Bool>(false)
        let continuation: CheckedContinuation<String, Never>

        init(_ continuation: CheckedContinuation<String, Never>) {
            self.continuation = continuation
        }

        func fire(_ name: String) {
            if !fired.exchange(true, ordering: .acquiringAndReleasing) {
                continuation.resume(returning: name)
            }
        }
    }

    /// Ignores the signals' default actions, installs sources, and suspends until one fires.
    /// - Parameter onInstalled: called once the handlers are in place.
    /// - Returns: `SIGTERM` or `SIGINT`.
    static func waitForTermination(onInstalled: @escaping @Sendable () -> Void) async -> String {
        let queue = DispatchQueue(label: "SkillGateHTTP.signals")
        var sources: [any DispatchSourceSignal] = []
        let name = await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
            let once = Once(continuation)
            for (number, name) in [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { once.fire(name) }
                source.resume()
                sources.append(source)
            }
            onInstalled()
        }
        for source in sources {
            source.cancel()
        }
        return name
    }
}

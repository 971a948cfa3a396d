import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// SIGTERM and SIGINT for a process that stops gracefully: the first of them calls a closure,
/// once; later ones are ignored, so a second signal during the drain does not cut responses short.
///
/// Installing replaces both signals' default action (terminate) with "ignore" for the rest of the
/// process's life, and watches them with dispatch sources. Libraries install nothing: `serve`
/// creates one of these in the program's main path and hands the signal to the HTTP server.
final class TerminationSignals: Sendable {
    /// Whether a signal has been passed on.
    private final class Once: Sendable {
        let fired = Atomic<Bool>(false)
    }

    private let sources: Mutex<[any DispatchSourceSignal]>

    /// Installs the handlers.
    /// - Parameter onSignal: called once, on a private queue, with `SIGTERM` or `SIGINT`.
    init(_ onSignal: @escaping @Sendable (String) -> Void) {
        let queue = DispatchQueue(label: "SkillGate.terminationSignals")
        let once = Once()
        var installed: [any DispatchSourceSignal] = []
        for (number, name) in [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                guard !once.fired.exchange(true, ordering: .acquiringAndReleasing) else { return }
                onSignal(name)
            }
            source.resume()
            installed.append(source)
        }
        sources = Mutex(installed)
    }

    /// Stops watching; the signals stay ignored.
    func cancel() {
        sources.withLock { sources in
            for source in sources { source.cancel() }
            sources = []
        }
    }

    /// Writing to a socket or pipe whose reader has gone must fail with `EPIPE`, not kill the
    /// process (sockets are written with `MSG_NOSIGNAL`, but the log's writes to stderr are plain).
    static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }
}

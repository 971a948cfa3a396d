import Glibc
public import SkillGateLogging
import Synchronization

/// A dependency-free HTTP/1.1 server on non-blocking sockets and `epoll` event loops.
///
/// Keep-alive, pipelining, chunked request bodies, `Expect: 100-continue`, IPv4 and IPv6, request
/// limits and timeouts (answered with 400/408/411/413/414/431/501/505), a connection cap (503), a
/// handler deadline (503), and graceful drain on shutdown.
public final class HTTPServer: Sendable {
    private enum State {
        case idle
        case running(loops: [EventLoop], port: Int)
        case stopping
        case stopped
    }

    let context: ServerContext
    private let state = Mutex(State.idle)

    /// Creates a server; nothing is bound until ``start()``.
    /// - Parameters:
    ///   - configuration: address, limits and timeouts.
    ///   - responder: answers every request.
    ///   - logger: receives lifecycle messages and, when enabled, access-log lines.
    public init(configuration: HTTPServerConfiguration, responder: any HTTPResponder, logger: Logger) {
        self.context = ServerContext(configuration: configuration, responder: responder, logger: logger)
    }

    /// The configuration the server was created with.
    public var configuration: HTTPServerConfiguration { context.configuration }

    /// The number of open client connections (those being closed are not counted).
    public var connectionCount: Int { context.activeConnections.load(ordering: .relaxed) }

    /// The bound port while running, otherwise nil.
    public var port: Int? {
        state.withLock { state in
            if case .running(_, let port) = state { return port }
            return nil
        }
    }

    /// Binds, listens and starts the event loops. Calling it again while running returns the port.
    /// - Returns: the port actually bound (useful with port 0).
    /// - Throws: ``HTTPServerError`` when the address cannot be bound or the server was shut down.
    @discardableResult
    public func start() throws -> Int {
        let context = self.context
        return try state.withLock { state throws(HTTPServerError) -> Int in
            switch state {
            case .running(_, let port):
                return port
            case .stopping, .stopped:
                throw HTTPServerError(
                    kind: .invalidState, description: "this HTTPServer was shut down; create a new one")
            case .idle:
                break
            }
            let configuration = context.configuration
            try configuration.validate()
            signal(SIGPIPE, SIG_IGN)
            let epoll = try Epoll.load()
            let listener = try Socket.listen(host: configuration.host, port: configuration.port, backlog: 1024)
            var loops: [EventLoop] = []
            var started = 0
            do throws(HTTPServerError) {
                for index in 0..<configuration.eventLoopCount {
                    loops.append(try EventLoop(index: index, epoll: epoll, context: context))
                }
                guard let first = loops.first else {
                    throw HTTPServerError.invalidConfiguration("eventLoopCount must be at least 1")
                }
                try first.installListener(listener.fd, peers: loops)
                for loop in loops {
                    try loop.start()
                    started += 1
                }
            } catch {
                // Once the first loop runs it owns the listener and closes it when it stops.
                if started == 0 { close(listener.fd) }
                for (index, loop) in loops.enumerated() {
                    if index < started {
                        loop.execute { loop.requestStop() }
                    } else {
                        loop.closeDescriptors()
                    }
                }
                throw error
            }
            state = .running(loops: loops, port: listener.port)
            context.logger.notice(
                "HTTP server listening on \(Self.display(host: configuration.host)):\(listener.port) with \(loops.count) event loop(s)"
            )
            return listener.port
        }
    }

    /// Stops gracefully: stops accepting, lets in-flight requests finish (each gets its response,
    /// with `Connection: close`), closes idle keep-alive connections, and returns once everything
    /// is closed or ``HTTPServerConfiguration/drainTimeout`` has passed (then the rest is closed).
    public func shutdown() async {
        let loops: [EventLoop]? = state.withLock { state in
            switch state {
            case .idle:
                state = .stopped
                return []
            case .running(let loops, _):
                state = .stopping
                return loops
            case .stopping, .stopped:
                return nil
            }
        }
        guard let loops else {
            await waitUntilStopped()
            return
        }
        if !loops.isEmpty {
            await drainAndStop(loops)
        }
        state.withLock { $0 = .stopped }
    }

    private func drainAndStop(_ loops: [EventLoop]) async {
        let logger = context.logger
        logger.notice("HTTP server draining \(connectionCount) connection(s)")
        for loop in loops {
            loop.execute { loop.beginDrain() }
        }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: context.configuration.drainTimeout)
        while context.openSockets.load(ordering: .relaxed) > 0 && clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
        let remaining = context.openSockets.load(ordering: .relaxed)
        if remaining > 0 {
            logger.warning("HTTP server drain timed out; closing \(remaining) connection(s)")
        }
        for loop in loops {
            loop.execute { loop.requestStop() }
        }
        while loops.contains(where: { !$0.exited.load(ordering: .acquiring) }) {
            try? await Task.sleep(for: .milliseconds(2))
        }
        logger.notice("HTTP server stopped")
    }

    private func waitUntilStopped() async {
        while true {
            let done = state.withLock { state -> Bool in
                if case .stopped = state { return true }
                return false
            }
            if done { return }
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    private static func display(host: String) -> String {
        host.contains(":") ? "[\(host)]" : host
    }
}

public import SkillGateLogging
import Synchronization

/// A dependency-free HTTP/1.1 server on non-blocking sockets and `epoll` or `poll` event loops.
///
/// Keep-alive, pipelining, chunked request bodies, `Expect: 100-continue`, IPv4 and IPv6, request
/// limits and timeouts (answered with 400/408/411/413/414/431/501/505), a connection cap (at the
/// cap the longest-idle keep-alive connection makes room, else 503) fitted to the open-file limit,
/// a per-client-address limit (503), and graceful drain on shutdown. The server sets no deadline on responders: a caller that needs
/// one (the Alexa endpoint's runner does) enforces it inside its responder.
///
/// The lifecycle has the swift-service-lifecycle shape: ``run()`` serves until
/// ``triggerGracefulShutdown()`` is called, drains, and returns. The server installs no signal
/// handlers; a program that wants to stop on SIGTERM calls ``triggerGracefulShutdown()`` from its own.
public final class HTTPServer: Sendable {
    enum State {
        case idle
        case running(loops: [EventLoop], group: LoopGroup, port: Int)
        case draining(group: LoopGroup)
        case stopped
    }

    let context: ServerContext
    let state = Mutex(State.idle)

    /// Creates a server; nothing is bound until ``start()`` or ``run()``.
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

    /// The connection limits in force while running (the configured ones fitted to the open-file
    /// limit), otherwise nil.
    public var connectionLimits: HTTPConnectionLimits? {
        state.withLock { state in
            if case .running(_, let group, _) = state { return group.limits }
            return nil
        }
    }

    /// The bound port while running, otherwise nil.
    public var port: Int? {
        state.withLock { state in
            if case .running(_, _, let port) = state { return port }
            return nil
        }
    }

    /// Binds, listens and starts the event loops. Calling it again while running returns the port.
    /// - Returns: the port actually bound (useful with port 0).
    /// - Throws: ``HTTPServerError`` when the address cannot be bound or the server was shut down.
    @discardableResult
    public func start() throws -> Int {
        try state.withLock { state throws(HTTPServerError) -> Int in
            try startLocked(&state)
        }
    }

    /// ``start()`` under the state lock.
    func startLocked(_ state: inout State) throws(HTTPServerError) -> Int {
        switch state {
        case .running(_, _, let port):
            return port
        case .draining, .stopped:
            throw HTTPServerError(kind: .invalidState, description: "this HTTPServer was shut down; create a new one")
        case .idle:
            break
        }
        let configuration = context.configuration
        try configuration.validate()
        let backend = try configuration.eventBackend.resolved()
        // Before anything is opened: the listener, each loop's backend and wake channel (up to
        // three descriptors), and the reserve descriptor will be open too.
        let limits = HTTPConnectionLimits.forThisProcess(
            maxConnections: configuration.maxConnections, maxConnectionsPerClient: configuration.maxConnectionsPerClient,
            ownDescriptors: 2 + 3 * configuration.eventLoopCount)
        let listener = try Socket.listen(host: configuration.host, port: configuration.port, backlog: 1024)
        let group = LoopGroup(count: configuration.eventLoopCount, limits: limits, logger: context.logger)
        var loops: [EventLoop] = []
        var started = 0
        do throws(HTTPServerError) {
            for index in 0..<configuration.eventLoopCount {
                loops.append(try EventLoop(index: index, backend: backend, context: context, group: group))
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
            if started == 0 { Platform.closeDescriptor(listener.fd) }
            for (index, loop) in loops.enumerated() {
                if index < started {
                    loop.execute { loop.requestStop() }
                } else {
                    loop.closeDescriptors()
                }
            }
            throw error
        }
        state = .running(loops: loops, group: group, port: listener.port)
        context.logger.notice(
            "HTTP server listening on \(Self.display(host: configuration.host)):\(listener.port) with \(loops.count) event loop(s) (\(backend.rawValue)), \(limits)"
        )
        if limits.isClamped {
            context.logger.warning(
                "the open-file limit allows \(limits.maxConnections) of the \(limits.configuredMaxConnections) connections configured; raise `ulimit -n`"
            )
        }
        return listener.port
    }

    private static func display(host: String) -> String {
        host.contains(":") ? "[\(host)]" : host
    }
}

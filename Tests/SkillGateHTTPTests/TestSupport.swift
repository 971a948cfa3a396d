import Dispatch
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import SkillGateHTTP
import SkillGateTestSupport
import SkillGateLogging
import Synchronization

/// Collects log lines so tests can inspect them.
final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    var logger: Logger {
        Logger(label: "test", logLevel: .info) { line in self.lines.withLock { $0.append(line) } }
    }

    var all: [String] { lines.withLock { $0 } }
}

/// A one-shot gate a responder can wait on; opening it twice is harmless.
final class Gate: Sendable {
    private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func wait() async {
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state -> Bool in
                if state.open { return true }
                state.waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    func open() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.open = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    var isOpen: Bool { state.withLock { $0.open } }
}

/// Echoes the request as JSON-ish text: method, path, query, remote address and body.
let echoResponder = HTTPClosureResponder { request in
    var headers: HTTPHeaders = ["X-Path": request.path, "X-Remote": request.remoteAddress]
    headers.add(name: "X-Method", value: request.method)
    return HTTPResponse(status: 200, headers: headers, body: request.body)
}

extension HTTPServerConfiguration {
    /// The tests' usual configuration: an ephemeral port, no access log, `eventLoops` event loops.
    static func quiet(eventLoops: Int = 2) -> HTTPServerConfiguration {
        HTTPServerConfiguration(port: 0, accessLog: false, eventLoopCount: eventLoops)
    }
}

/// A server on the backend `SKILLGATE_EVENT_BACKEND` names.
func makeServer(
    configuration: HTTPServerConfiguration = .quiet(), responder: any HTTPResponder = echoResponder, logger: Logger = .disabled
) -> HTTPServer {
    var configuration = configuration
    configuration.eventBackend = .fromTestEnvironment
    return HTTPServer(configuration: configuration, responder: responder, logger: logger)
}

/// Starts a server on an ephemeral port; the caller shuts it down.
/// - Returns: the server and the port it listens on.
func startServer(
    _ configuration: HTTPServerConfiguration = .quiet(), responder: any HTTPResponder = echoResponder, logger: Logger = .disabled
) throws -> (server: HTTPServer, port: Int) {
    var configuration = configuration
    configuration.port = 0
    let server = makeServer(configuration: configuration, responder: responder, logger: logger)
    return (server, try server.start())
}

/// Starts a server on an ephemeral port, runs `body`, then shuts the server down.
func withServer(
    _ configuration: HTTPServerConfiguration = .quiet(),
    responder: any HTTPResponder = echoResponder,
    logger: Logger = .disabled,
    _ body: (HTTPServer, Int) async throws -> Void
) async throws {
    let (server, port) = try startServer(configuration, responder: responder, logger: logger)
    do {
        try await body(server, port)
    } catch {
        await server.shutdown()
        throw error
    }
    await server.shutdown()
}

/// Polls `condition` every 10 ms for up to `seconds`; returns whether it became true.
func eventually(within seconds: Double = 10, _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int(seconds * 1000)))
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}

/// A minimal request with a `Host` header.
func request(_ method: String = "GET", _ path: String = "/", body: String? = nil, headers: [String] = []) -> String {
    var text = "\(method) \(path) HTTP/1.1\r\nHost: test\r\n"
    for header in headers { text += header + "\r\n" }
    if let body {
        text += "Content-Length: \(body.utf8.count)\r\n\r\n" + body
    } else {
        text += "\r\n"
    }
    return text
}

import SkillGateLogging
import Testing
import Synchronization

@testable import SkillGateHTTP

/// Each event backend this platform has, selected explicitly (the rest of the suite runs on the
/// one `SKILLGATE_EVENT_BACKEND` names).
struct EventBackendTests {
    static let available: [HTTPServerConfiguration.EventBackend] =
        HTTPServerConfiguration.EventBackend.isEpollAvailable ? [.epoll, .poll] : [.poll]

    private func server(_ backend: HTTPServerConfiguration.EventBackend, responder: any HTTPResponder, logger: Logger = .disabled)
        -> HTTPServer
    {
        let configuration = HTTPServerConfiguration(port: 0, accessLog: false, eventLoopCount: 1, eventBackend: backend)
        return HTTPServer(configuration: configuration, responder: responder, logger: logger)
    }

    @Test("the backend serves pipelined requests, a large echo, and a half-closed client", arguments: available)
    func serves(backend: HTTPServerConfiguration.EventBackend) async throws {
        let log = LogCapture()
        let server = server(backend, responder: echoResponder, logger: log.logger)
        let port = try server.start()
        #expect(log.all.contains { $0.contains("listening on") && $0.contains("(\(backend.rawValue))") })

        let pipelined = try await RawClient.connect(port: port)
        try await pipelined.send(request("GET", "/one") + request("GET", "/two") + request("GET", "/three"))
        let paths = try await pipelined.readResponses(3).map { $0.headers["X-Path"] }
        #expect(paths == ["/one", "/two", "/three"])

        let http = HTTPClient(host: "127.0.0.1", port: port)
        let body = (0..<700_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let echoed = try await http.send(method: "PUT", path: "/big", body: body, timeout: .seconds(30))
        #expect(echoed.body == body)
        http.close()

        let halfClosed = try await RawClient.connect(port: port)
        try await halfClosed.send(request("POST", "/last", body: "bye"))
        halfClosed.shutdownWrite()
        let answer = try #require(try await halfClosed.readResponse())
        #expect(answer.text == "bye")
        #expect(try await halfClosed.waitForClose())
        await server.shutdown()
    }

    @Test("a loop does not spin while a handler holds a connection with more input waiting", arguments: available)
    func noBusyLoop(backend: HTTPServerConfiguration.EventBackend) async throws {
        let started = Gate()
        let gate = Gate()
        let responder = HTTPClosureResponder { request in
            if request.path == "/hold" {
                started.open()
                await gate.wait()
            }
            return HTTPResponse(status: 200, body: Array(request.path.utf8))
        }
        let server = server(backend, responder: responder)
        let port = try server.start()
        let idle = try await RawClient.connect(port: port)
        try await idle.send(request("GET", "/warm-up"))
        #expect(try await idle.readResponse()?.text == "/warm-up")
        let busy = try await RawClient.connect(port: port)
        try await busy.send(request("GET", "/hold"))
        await started.wait()
        // Arrives while the connection is answering, so it stays unread in the socket.
        try await busy.send(request("GET", "/next"))
        try await Task.sleep(for: .milliseconds(100))
        let before = server.loopIterations
        try await Task.sleep(for: .milliseconds(600))
        let woken = server.loopIterations - before
        // The loop wakes every 100 ms to check timers; a level-triggered spin would be thousands.
        #expect(woken < 60, "the loop woke \(woken) times in 600 ms")
        gate.open()
        let responses = try await busy.readResponses(2)
        #expect(responses.map(\.text) == ["/hold", "/next"])
        await server.shutdown()
    }

    #if !os(Linux)
        @Test(".epoll where there is no epoll is a configuration error naming the problem")
        func epollUnavailable() {
            let server = server(.epoll, responder: echoResponder)
            #expect { try server.start() } throws: { error in
                guard let error = error as? HTTPServerError else { return false }
                return error.kind == .invalidConfiguration && error.description.contains("epoll needs Linux")
            }
        }
    #endif
}

extension HTTPServer {
    /// The loops' wake-ups so far, summed (0 when not running).
    var loopIterations: Int {
        state.withLock { state in
            guard case .running(let loops, _, _) = state else { return 0 }
            return loops.reduce(0) { $0 + $1.iterations.load(ordering: .relaxed) }
        }
    }
}

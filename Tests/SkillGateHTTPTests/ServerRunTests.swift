import Dispatch
import SkillGateHTTP
import SkillGateLogging
import Testing

/// `run()` and `triggerGracefulShutdown()`: the swift-service-lifecycle shape.
struct ServerRunTests {
    private func server(responder: any HTTPResponder = echoResponder, logger: Logger = .disabled) -> HTTPServer {
        makeServer(responder: responder, logger: logger)
    }

    @Test("run() binds, serves, and returns once a shutdown is triggered from another thread")
    func runUntilTriggered() async throws {
        let log = LogCapture()
        let server = server(logger: log.logger)
        let running = Task { try await server.run() }
        #expect(await eventually { server.port != nil })
        let port = try #require(server.port)
        let client = try await RawClient.connect(port: port)
        try await client.send(request("GET", "/ping"))
        #expect(try await client.readResponse()?.headers["X-Path"] == "/ping")
        DispatchQueue.global().async { server.triggerGracefulShutdown() }
        try await running.value
        #expect(server.port == nil)
        #expect(log.all.contains { $0.contains("HTTP server stopped") })
        #expect(throws: HTTPServerError.self) { try server.start() }
    }

    @Test("a shutdown triggered before run() makes run() return at once, having served nothing")
    func triggeredBeforeRun() async throws {
        let server = server()
        server.triggerGracefulShutdown()
        server.triggerGracefulShutdown()
        let clock = ContinuousClock()
        let began = clock.now
        try await server.run()
        #expect(began.duration(to: clock.now) < .seconds(1))
        #expect(server.port == nil)
    }

    @Test("triggering twice drains once: idle connections close, the in-flight request is answered")
    func triggerIsIdempotent() async throws {
        let started = Gate()
        let release = Gate()
        let responder = HTTPClosureResponder { _ in
            started.open()
            await release.wait()
            return HTTPResponse(status: 200, body: Array("done".utf8))
        }
        let server = server(responder: responder)
        let port = try server.start()
        let running = Task { try await server.run() }
        let idle = try await RawClient.connect(port: port)
        let busy = try await RawClient.connect(port: port)
        try await busy.send(request("POST", "/work", body: "x"))
        await started.wait()
        server.triggerGracefulShutdown()
        server.triggerGracefulShutdown()
        #expect(try await idle.waitForClose())
        release.open()
        let response = try #require(try await busy.readResponse())
        #expect(response.text == "done")
        #expect(response.headers["Connection"] == "close")
        try await running.value
        await server.shutdown()
    }

    @Test("cancelling the task in run() shuts the server down gracefully")
    func cancellation() async throws {
        let server = server()
        let running = Task { try await server.run() }
        #expect(await eventually { server.port != nil })
        running.cancel()
        try await running.value
        #expect(server.port == nil)
    }

    @Test("a drain that outlasts drainTimeout closes what is left and still returns")
    func drainTimeout() async throws {
        let started = Gate()
        let responder = HTTPClosureResponder { _ in
            started.open()
            try? await Task.sleep(for: .seconds(30))
            return HTTPResponse(status: 200)
        }
        let log = LogCapture()
        let (server, port) = try startServer(
            HTTPServerConfiguration(port: 0, drainTimeout: .milliseconds(300), accessLog: false, eventLoopCount: 1), responder: responder,
            logger: log.logger)
        let stuck = try await RawClient.connect(port: port)
        try await stuck.send(request("GET", "/stuck"))
        await started.wait()
        let clock = ContinuousClock()
        let began = clock.now
        await server.shutdown()
        #expect(began.duration(to: clock.now) < .seconds(5))
        #expect(try await stuck.waitForClose())
        #expect(log.all.contains { $0.contains("drain timed out; closed 1 connection(s)") })
    }
}

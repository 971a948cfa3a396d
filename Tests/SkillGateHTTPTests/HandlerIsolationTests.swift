#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import SkillGateHTTP
import Testing

/// Handlers run off the I/O threads: one that blocks its thread holds up only its own connection.
struct HandlerIsolationTests {
    @Test("a handler blocking its thread for 2 s does not delay other connections")
    func blockingHandlerIsIsolated() async throws {
        let started = Gate()
        let responder = HTTPClosureResponder { request, _ in
            if request.path == "/block" {
                started.open()
                // Blocks the thread itself, not just the task (as a synchronous library call would).
                usleep(2_000_000)
                return HTTPResponse(status: 200, body: Array("blocked".utf8))
            }
            return HTTPResponse(status: 200, body: Array(request.path.utf8))
        }
        let configuration = HTTPServerConfiguration(port: 0, accessLog: false, eventLoopCount: 2)
        try await withServer(configuration, responder: responder) { _, port in
            let clock = ContinuousClock()
            let blocked = try await RawClient.connect(port: port)
            try await blocked.send(request("GET", "/block"))
            await started.wait()
            let blockStarted = clock.now
            // Sequential connections are spread over every loop, so each loop serves some of them.
            for index in 0..<20 {
                let begin = clock.now
                let client = try await RawClient.connect(port: port)
                try await client.send(request("GET", "/fast/\(index)"))
                let response = try #require(try await client.readResponse())
                #expect(response.text == "/fast/\(index)")
                let elapsed = begin.duration(to: clock.now)
                #expect(elapsed < .milliseconds(500), "request \(index) took \(elapsed) while a handler blocked")
            }
            #expect(blockStarted.duration(to: clock.now) < .seconds(2), "the fast requests outlasted the blocked handler")
            #expect(try await blocked.readResponse()?.text == "blocked")
        }
    }
}

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
        // With handlers on the I/O threads, every request on the blocked loop waits out the 2 s,
        // on every attempt. Off them, a request needs only a free thread of the global executor;
        // other tests in this process that block one (process waits) can take the last of a
        // small machine's few for a while, so a slow attempt is retried before it counts.
        var problems: [String] = []
        for _ in 0..<3 {
            problems = try await attempt()
            if problems.isEmpty { return }
        }
        Issue.record("fast requests waited for a blocked handler: \(problems.joined(separator: "; "))")
    }

    /// One run: block a handler, then send 20 requests on fresh connections.
    /// - Returns: what was too slow; empty when every request was prompt.
    private func attempt() async throws -> [String] {
        let started = Gate()
        let responder = HTTPClosureResponder { request in
            if request.path == "/block" {
                started.open()
                // Blocks the thread itself, not just the task (as a synchronous library call would).
                usleep(2_000_000)
                return HTTPResponse(status: 200, body: Array("blocked".utf8))
            }
            return HTTPResponse(status: 200, body: Array(request.path.utf8))
        }
        var problems: [String] = []
        try await withServer(responder: responder) { _, port in
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
                if elapsed >= .milliseconds(500) { problems.append("request \(index) took \(elapsed)") }
            }
            let total = blockStarted.duration(to: clock.now)
            if total >= .milliseconds(1800) { problems.append("the 20 requests took \(total)") }
            #expect(try await blocked.readResponse()?.text == "blocked")
        }
        return problems
    }
}

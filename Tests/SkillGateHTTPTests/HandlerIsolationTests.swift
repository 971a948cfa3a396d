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

    /// Replies at once, then blocks its thread for 1.5 s in the same job (as a responder that
    /// answers at its deadline and carries on would): the reply's wake-up of its loop is owed by
    /// the worker, which stays in the job; the handler watch writes it at its next look (and the
    /// loop's own 100 ms wait bounds it too), never after the job.
    private struct ReplyThenBlock: HTTPResponder {
        func respond(to request: HTTPRequest) async -> HTTPResponse {
            HTTPResponse(status: 200, body: Array("late".utf8))
        }

        func respond(to request: HTTPRequest, reply: HTTPReply) async {
            reply(HTTPResponse(status: 200, body: Array("early".utf8)))
            usleep(1_500_000)
        }
    }

    @Test("a reply is not held back by the handler's job blocking right after it (the watch wakes the loop)")
    func replyBeforeBlockingIsPrompt() async throws {
        try await withServer(.quiet(eventLoops: 1), responder: ReplyThenBlock()) { _, port in
            let clock = ContinuousClock()
            let client = try await RawClient.connect(port: port)
            let begin = clock.now
            try await client.send(request("GET", "/"))
            #expect(try await client.readResponse()?.text == "early")
            let elapsed = begin.duration(to: clock.now)
            #expect(elapsed < .milliseconds(1000), "the reply took \(elapsed)")
        }
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

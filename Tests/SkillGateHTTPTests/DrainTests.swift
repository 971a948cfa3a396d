import SkillGateHTTP
import SkillGateLogging
import SkillGateTestSupport
import Testing

/// A graceful drain answers every request that reaches a socket (the hardening issue's item 7).
struct DrainTests {
    @Test("a request sent on an idle keep-alive connection just after the drain began is answered with close")
    func idleConnectionGetsGrace() async throws {
        let (server, port) = try startServer()
        let client = try await RawClient.connect(port: port, firstBytes: Array(request("POST", "/first", body: "1").utf8))
        let first = try #require(try await client.readResponse())
        #expect(first.headers["Connection"] == "keep-alive")

        let stopping = Task { await server.shutdown() }
        // The drain has begun (the listener is closed) while the client is between requests.
        #expect(await eventually { server.port == nil })
        try await Task.sleep(for: .milliseconds(100))
        try await client.send(request("POST", "/late", body: "2"))
        let late = try #require(try await client.readResponse(), "the request sent during the drain got no answer")
        #expect(late.status == 200)
        #expect(late.text == "2")
        #expect(late.headers["Connection"] == "close")
        #expect(try await client.waitForClose())
        await stopping.value
    }

    @Test("an idle connection that stays quiet is closed cleanly during the drain, and the drain ends")
    func quietConnectionCloses() async throws {
        let (server, port) = try startServer(.quiet(eventLoops: 1))
        let client = try await RawClient.connect(port: port, firstBytes: Array(request().utf8))
        _ = try #require(try await client.readResponse())
        let start = ContinuousClock.now
        await server.shutdown()
        #expect(try await client.waitForClose())
        // Generous: the grace is about a second, the drain timeout ten.
        #expect(ContinuousClock.now - start < .seconds(8))
    }

    @Test("draining under keep-alive load loses no request: each one is answered or was never written")
    func drainUnderLoad() async throws {
        let clients = 48
        for round in 1...3 {
            let (server, port) = try startServer()
            let load = KeepAliveLoad(port: port, request: Array(request("POST", "/load", body: "x").utf8))
            load.start(clients: clients)
            _ = await eventually(within: 20) { load.snapshot.answered >= clients * 20 }
            await server.shutdown()
            let ended = await eventually(within: 30) { load.snapshot.finished == clients }
            load.finish()
            let counts = load.snapshot
            #expect(ended, "round \(round): clients still running after the drain: \(counts)")
            #expect(counts.lost == 0, "round \(round): requests written and never answered: \(counts)")
            #expect(counts.connectFailures == 0, "round \(round): \(counts)")
            #expect(counts.answered >= clients, "round \(round): too little traffic to test anything: \(counts)")
        }
    }
}

import SkillGateTesting
import SkillGateTestSupport
import Testing

/// `ride-hailer serve` stopped with SIGTERM while keep-alive clients keep sending: every request
/// written is answered (the hardening issue's item 7: 63 of each run's were lost).
@Suite(.serialized)
struct ServeDrainProcessTests {
    @Test("SIGTERM under keep-alive load: no request written is lost, and the process exits 0", arguments: 1...3)
    func sigtermUnderLoad(round: Int) async throws {
        let clients = 32
        let server = try await SkillServerProcess.start(Products.path("ride-hailer"), ["--no-verify"])
        let body = TestRequest.launch(skillID: ServeProcessTests.skillID).bytes
        let head = "POST / HTTP/1.1\r\nHost: skill\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n"
        let load = KeepAliveLoad(port: server.port, request: Array(head.utf8) + body)
        load.start(clients: clients)
        let deadline = ContinuousClock.now + .seconds(30)
        while load.snapshot.answered < clients * 10 && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        let status = await server.stop()
        while load.snapshot.finished < clients && ContinuousClock.now < deadline + .seconds(30) {
            try await Task.sleep(for: .milliseconds(20))
        }
        load.finish()
        let counts = load.snapshot
        #expect(status == 0, "log:\n\(server.log.suffix(2000))")
        #expect(counts.finished == clients, "\(counts)")
        #expect(counts.lost == 0, "requests written and never answered: \(counts)")
        #expect(counts.answered >= clients, "too little traffic to test anything: \(counts)")
    }
}

import Foundation
import SkillGateSystem
import SkillGateTesting
import SkillGateTestSupport
import Testing

/// Two `ride-hailer serve` instances behind nginx, restarted one after the other with SIGTERM
/// while keep-alive clients keep sending through nginx: no client sees a 502 or loses a request
/// (the hardening issue's item 7: 0–8 × 502 each time before the drain answered idle connections).
///
/// nginx keeps idle keep-alive connections to both instances (`keepalive`). A drain answers what
/// arrives on them with `Connection: close` and refuses new connections once the listener is
/// closed, which nginx passes to the other instance (`max_fails=0`: an instance being restarted is
/// tried again as soon as it listens, rather than marked down for 10 s).
@Suite(
    .serialized,
    .enabled(if: ChildProcess.which("nginx") != nil, "needs nginx (apt-get install -y nginx)"))
struct NginxRollingRestartTests {
    @Test("a rolling restart of two instances behind nginx under keep-alive load: no 502, no request lost")
    func rollingRestart() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skillgate-rolling-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        var instances = [
            try await SkillServerProcess.start(Products.path("ride-hailer"), ["--no-verify"]),
            try await SkillServerProcess.start(Products.path("ride-hailer"), ["--no-verify"]),
        ]
        defer {
            for instance in instances where instance.process.isRunning { instance.process.signal(SIGKILL) }
        }
        let ports = instances.map(\.port)
        let port = try FreePort.find()
        let nginx = try NginxInstance.start(
            in: folder,
            http: """
                    upstream skill {
                        server 127.0.0.1:\(ports[0]) max_fails=0;
                        server 127.0.0.1:\(ports[1]) max_fails=0;
                        keepalive 32;
                    }
                    server {
                        listen 127.0.0.1:\(port);
                        keepalive_requests 1000000;
                        location / {
                            proxy_pass http://skill;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                        }
                    }
                """)
        defer { nginx.terminate() }
        try await waitUntilListening(port: port)

        let clients = 16
        let body = TestRequest.launch(skillID: ServeProcessTests.skillID).bytes
        let head = "POST / HTTP/1.1\r\nHost: skill\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n"
        let load = KeepAliveLoad(port: port, request: Array(head.utf8) + body)
        load.start(clients: clients)
        defer { load.finish() }
        try await waitForTraffic(load, moreThan: 0)

        // Two rounds: each instance is restarted twice, one at a time.
        for index in [0, 1, 0, 1] {
            let before = load.snapshot.answered
            let status = await instances[index].stop()
            #expect(status == 0, "instance \(index) did not exit cleanly; log:\n\(instances[index].log.suffix(2000))")
            instances[index] = try await SkillServerProcess.start(Products.path("ride-hailer"), ["--no-verify"], port: ports[index])
            // Both instances serve again before the next one is restarted.
            try await waitForTraffic(load, moreThan: before + 500)
        }
        load.finish()
        let deadline = ContinuousClock.now + .seconds(30)
        while load.snapshot.finished < clients && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        let counts = load.snapshot
        let errors = NginxInstance.errorLog(in: folder).split(separator: "\n").filter { $0.contains("[error]") }.prefix(5)
        #expect(counts.failedStatus == 0, "answers other than 200 through nginx: \(counts); nginx: \(errors)")
        #expect(counts.lost == 0, "requests written and never answered: \(counts)")
        #expect(counts.connectFailures == 0 && counts.closedBeforeWrite == 0, "nginx dropped a client: \(counts)")
        #expect(counts.finished == clients, "\(counts)")
        for instance in instances { #expect(await instance.stop() == 0) }
    }

    /// Waits (up to 30 s) until something accepts connections on `port`.
    private func waitUntilListening(port: Int) async throws {
        for _ in 0..<300 {
            if (try? await SourceBoundSocket.connect(to: port)) != nil { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ChildProcess.Failure(description: "nginx did not listen on \(port)")
    }

    /// Waits (up to 60 s) until more than `count` requests have been answered.
    private func waitForTraffic(_ load: KeepAliveLoad, moreThan count: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while load.snapshot.answered <= count + 100 {
            guard ContinuousClock.now < deadline else {
                throw ChildProcess.Failure(description: "the load stalled: \(load.snapshot)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}

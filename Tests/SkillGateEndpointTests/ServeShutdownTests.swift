import Foundation
import SkillGate
import SkillGateEndpoint
import SkillGateSystem
import SkillGateTestSupport
import SkillGateVerification
import Testing

/// `serve`'s shutdown never waits for certificate downloads that are stuck.
@Suite(.enabled(if: AlexaCertificateFixture.isAvailable, "needs the openssl command line to make test certificates"))
struct ServeShutdownTests {
    @Test(
        "with 150 certificate downloads stuck, a shutdown answers every waiting request 503 and serve returns at once",
        .timeLimit(.minutes(3)))
    func shutdownWithStuckDownloads() async throws {
        let fixture = try await AlexaCertificateFixture.shared.value
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("serve-shutdown-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let roots = folder.appendingPathComponent("roots.pem")
        try Data(fixture.rootPEM).write(to: roots)

        let fetcher = NeverAnsweringFetcher()
        defer { fetcher.release() }
        let lines = Locked<[String]>([])
        let logger = Logger(label: "serve-test", logLevel: .notice, sink: { line in lines.update { $0.append(line) } })
        let shutdown = GracefulShutdown()
        let context = ModeContext(
            runner: try StalledRequests.runner(handlerTimeout: .seconds(7), counter: HandlerCounter()), logger: logger,
            environment: ["SKILLGATE_TRUST_ROOTS": roots.path], shutdown: shutdown)
        let limits = CertificateDownloadLimits(timeout: .seconds(600), maximumConcurrentDownloads: 150, maximumWaitingDownloads: 0)
        let mode = ServeMode(context, certificateFetcher: fetcher, downloadLimits: limits)
        let serving = Task { await mode.run(host: "127.0.0.1", port: 0, path: "/", verify: true) }

        var port: Int?
        for _ in 0..<3000 where port == nil {
            port = lines.get().lazy.compactMap(Self.port(in:)).first
            if port == nil { try await Task.sleep(for: .milliseconds(10)) }
        }
        let servingPort = try #require(port, "serve did not start: \(lines.get())")
        let requests = (0..<150).map { index in
            RawRequests.post(
                StalledRequests.body(), certURL: "https://s3.amazonaws.com/echo.api/cert-\(index).pem",
                signature: StalledRequests.junkSignature)
        }
        let sockets = await RawRequests.send(port: servingPort, requests)
        #expect(sockets.allSatisfy { $0 >= 0 })
        var stuck = false
        for _ in 0..<6000 where !stuck {
            stuck = fetcher.calls == 150
            if !stuck { try await Task.sleep(for: .milliseconds(10)) }
        }
        #expect(stuck, "only \(fetcher.calls) downloads started")

        shutdown.trigger(reason: "received SIGTERM")
        #expect(await serving.value == 0)
        let answers = await RawRequests.readAll(sockets).map(RawRequests.parse)
        #expect(answers.count == 150)
        for answer in answers {
            #expect(answer?.status == 503)
            #expect(answer?.body.contains(#""code":"verificationFailed""#) == true)
            #expect(answer?.body.contains("shutting down") == true, "\(String(describing: answer?.body))")
        }
        #expect(lines.get().contains { $0.contains("stopped") })
    }

    /// The port in a `serving … on http://127.0.0.1:PORT/` line.
    static func port(in line: String) -> Int? {
        guard line.contains("serving"), let range = line.range(of: "http://127.0.0.1:") else { return nil }
        return Int(line[range.upperBound...].prefix { $0.isNumber })
    }
}

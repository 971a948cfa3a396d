import Foundation
import SkillGateDoctor
import SkillGateHTTP
import SkillGateTestSupport
import Testing
import SkillGateLogging

struct DoctorNetworkTests {
    /// A loopback port that was just bound and released, so connecting is refused.
    private func closedPort() async throws -> Int {
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, eventBackend: .fromTestEnvironment),
            responder: HTTPClosureResponder { _ in HTTPResponse(status: 204) },
            logger: .disabled
        )
        let port = try server.start()
        await server.shutdown()
        return port
    }

    @Test("a refused connection is a network ERROR, not a FAIL of the server checks")
    func refusedConnection() async throws {
        let port = try await closedPort()
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/token"))
        let options = DoctorOptions(
            tokenURL: url, clientID: "client", clientSecret: "secret-value-1234",
            grant: .authorizationCode(code: "code-value-5678", redirectURI: "https://example.invalid/cb"))
        let report = await Doctor(options: options, logger: .disabled).run()
        let exchange = try #require(report[.codeExchange])
        #expect(exchange.verdict == .error)
        #expect(exchange.reason.contains("Could not reach 127.0.0.1:\(port)"))
        #expect(exchange.reason.contains("connection refused"))
        #expect(report.ids(.fail).isEmpty, "\(report.dump)")
        #expect(report.ids(.error) == [.codeExchange], "\(report.dump)")
        #expect(report[.refresh]?.verdict == .info)
        #expect(report[.refresh]?.reason.contains("could not reach") == true)
        #expect(report.hasNetworkErrors)
        #expect(!report.hasServerFailures)
        #expect(report.hasFailures, "a run that could not check the server must not exit 0")
    }

    @Test("an answer slower than the request timeout is a network ERROR naming the timeout")
    func timeout() async throws {
        // Far past the 0.5 s timeout, so a busy machine cannot make the answer look punctual.
        let behaviour = FakeBehaviour(codeExchangeDelay: .seconds(8))
        try await FakeServer.with(behaviour) { fake in
            let report = await FakeServer.run(fake.codeOptions(timeout: .milliseconds(500)))
            #expect(report[.codeExchange]?.verdict == .error, "\(report.dump)")
            #expect(report[.codeExchange]?.reason.contains("no answer within 0.5 s") == true)
            #expect(report.ids(.fail).isEmpty, "\(report.dump)")
        }
    }

    @Test("an unreachable probe is an ERROR of the old-access-token check only")
    func unreachableProbe() async throws {
        let port = try await closedPort()
        try await FakeServer.with { fake in
            var options = fake.codeOptions()
            options.probeURL = URL(string: "http://127.0.0.1:\(port)/userinfo")
            let report = await FakeServer.run(options)
            #expect(report[.oldAccessToken]?.verdict == .error, "\(report.dump)")
            #expect(report.ids(.error) == [.oldAccessToken])
            #expect(report.ids(.fail).isEmpty, "\(report.dump)")
            #expect(report[.refresh]?.verdict == .pass)
        }
    }
}

import Foundation
import SkillGateDoctor
import SkillGateHTTP
import SkillGateTestSupport
import SkillGateLogging

/// A ``FakeTokenEndpoint`` served by the project's HTTP server on 127.0.0.1, port 0.
struct FakeServer {
    let endpoint: FakeTokenEndpoint
    let server: HTTPServer
    let port: Int

    var tokenURL: URL { URL(string: "http://127.0.0.1:\(port)/token") ?? URL(fileURLWithPath: "/") }
    var probeURL: URL { URL(string: "http://127.0.0.1:\(port)/userinfo") ?? URL(fileURLWithPath: "/") }

    /// Starts a fake, runs `body`, and shuts the server down whatever happens.
    static func with<T>(
        _ behaviour: FakeBehaviour = FakeBehaviour(),
        _ body: (FakeServer) async throws -> T
    ) async throws -> T {
        let endpoint = FakeTokenEndpoint(behaviour: behaviour)
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, eventBackend: .fromTestEnvironment),
            responder: endpoint,
            logger: .disabled
        )
        let port = try server.start()
        let fake = FakeServer(endpoint: endpoint, server: server, port: port)
        do {
            let result = try await body(fake)
            await server.shutdown()
            return result
        } catch {
            await server.shutdown()
            throw error
        }
    }

    /// Options for a run that starts from a fresh code, with generous timing thresholds (so a loaded machine,
    /// where loopback answers have been seen to take 7 s, cannot turn a fast fake into a slow one) unless given.
    func codeOptions(
        code: String? = nil,
        probe: Bool = true,
        warning: Duration = .seconds(30),
        failure: Duration = .seconds(60),
        timeout: Duration = .seconds(90)
    ) -> DoctorOptions {
        DoctorOptions(
            tokenURL: tokenURL,
            clientID: endpoint.clientID,
            clientSecret: endpoint.clientSecret,
            grant: .authorizationCode(code: code ?? endpoint.issueCode(), redirectURI: endpoint.redirectURI),
            probeURL: probe ? probeURL : nil,
            requestTimeout: timeout,
            slowAnswerWarning: warning,
            slowAnswerFailure: failure
        )
    }

    /// Options for a run that starts from a refresh token the fake issued.
    func refreshOptions(probe: Bool = true) -> DoctorOptions {
        DoctorOptions(
            tokenURL: tokenURL,
            clientID: endpoint.clientID,
            clientSecret: endpoint.clientSecret,
            grant: .refreshToken(endpoint.issueRefreshToken()),
            probeURL: probe ? probeURL : nil,
            requestTimeout: .seconds(90),
            slowAnswerWarning: .seconds(30),
            slowAnswerFailure: .seconds(60)
        )
    }

    /// Runs the doctor.
    static func run(_ options: DoctorOptions) async -> DoctorReport {
        await Doctor(options: options, logger: .disabled).run()
    }
}

extension DoctorReport {
    /// The ids of checks with a verdict.
    func ids(_ verdict: CheckVerdict) -> Set<CheckID> {
        Set(checks.filter { $0.verdict == verdict }.map(\.id))
    }

    /// The checks that WARN for a reason other than plain HTTP on loopback (expected with the fake).
    var warningsBeyondLoopback: Set<CheckID> {
        ids(.warn).subtracting([.tokenURLHTTPS, .probeURLHTTPS, .authorizationURLHTTPS])
    }

    /// A readable dump for test failures.
    var dump: String { renderText() }
}

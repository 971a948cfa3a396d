import Foundation
import SkillGateDoctor
import Testing

/// One misbehaviour and the verdicts it must produce.
struct Scenario: Sendable, CustomTestStringConvertible {
    let behaviour: FakeBehaviour
    /// The checks that must end with these verdicts.
    let expected: [CheckID: CheckVerdict]
    /// Timing thresholds (WARN, FAIL), when the scenario is about timing.
    var thresholds: (warning: Duration, failure: Duration)?

    var testDescription: String {
        behaviour.misbehaviour == .none ? "slow code exchange" : behaviour.misbehaviour.rawValue
    }

    init(
        _ misbehaviour: Misbehaviour, _ expected: [CheckID: CheckVerdict],
        delay: Duration? = nil, thresholds: (warning: Duration, failure: Duration)? = nil
    ) {
        behaviour = FakeBehaviour(misbehaviour: misbehaviour, codeExchangeDelay: delay)
        self.expected = expected
        self.thresholds = thresholds
    }

    static let all: [Scenario] = [
        Scenario(.shortExpiresIn, [.expiresIn: .fail]),
        Scenario(.halfHourExpiresIn, [.expiresIn: .warn]),
        Scenario(.missingExpiresIn, [.expiresIn: .warn]),
        Scenario(.noRefreshToken, [.refreshTokenIssued: .warn, .refresh: .info]),
        Scenario(.formEncoded, [.responseFormat: .fail]),
        Scenario(.shortRefreshLifetime, [.refreshTokenLifetime: .warn]),
        Scenario(.rotationWithoutGrace, [.refreshTokenReuse: .fail]),
        Scenario(.revokeAccessOnRefresh, [.oldAccessToken: .fail]),
        Scenario(.invalidGrantForBadClient, [.invalidClient: .fail]),
        Scenario(.serverErrorForBadToken, [.invalidGrant: .fail]),
        Scenario(.serverErrorOnReuse, [.refreshTokenReuse: .fail]),
        Scenario(.nonJSONErrors, [.errorFormat: .fail]),
        Scenario(.onlyBasic, [.clientAuthRefresh: .warn, .clientAuthCode: .pass, .clientAuthConsistency: .pass]),
        Scenario(.onlyBody, [.clientAuthCode: .warn, .clientAuthRefresh: .warn, .clientAuthConsistency: .pass]),
        Scenario(
            .bodyForCodeOnly, [.clientAuthConsistency: .fail, .clientAuthCode: .warn, .clientAuthRefresh: .warn]),
        // The fake sleeps before answering the code exchange; the thresholds are set below the delay, so the
        // verdict depends only on the answer taking at least that long.
        Scenario(
            .none, [.answerTime: .warn], delay: .milliseconds(300),
            thresholds: (.milliseconds(200), .seconds(60))),
        Scenario(
            .none, [.answerTime: .fail], delay: .milliseconds(600),
            thresholds: (.milliseconds(200), .milliseconds(500))),
    ]
}

struct DoctorMisbehaviourTests {
    @Test("each misbehaviour makes its own check FAIL or WARN, and no other check FAILs", arguments: Scenario.all)
    func misbehaviour(_ scenario: Scenario) async throws {
        try await FakeServer.with(scenario.behaviour) { fake in
            let options =
                scenario.thresholds.map {
                    fake.codeOptions(warning: $0.warning, failure: $0.failure)
                } ?? fake.codeOptions()
            let report = await FakeServer.run(options)
            for (id, verdict) in scenario.expected {
                #expect(report[id]?.verdict == verdict, "\(id.rawValue): \(report[id]?.reason ?? "missing")")
            }
            let expectedFailures = Set(scenario.expected.filter { $0.value == .fail }.keys)
            #expect(report.ids(.fail) == expectedFailures, "\(report.dump)")
            #expect(report.ids(.error).isEmpty, "\(report.dump)")
            let expectedWarnings = Set(scenario.expected.filter { $0.value == .warn }.keys)
            #expect(report.warningsBeyondLoopback == expectedWarnings, "\(report.dump)")
            #expect(report.hasFailures == !expectedFailures.isEmpty)
            for id in expectedFailures.union(expectedWarnings) {
                #expect(report[id]?.fix?.isEmpty == false, "\(id.rawValue) names no fix")
            }
        }
    }

    @Test("a refused code is a FAIL of the code exchange that names the likely causes")
    func refusedCode() async throws {
        try await FakeServer.with { fake in
            let report = await FakeServer.run(fake.codeOptions(code: "code-never-issued-ABCD1234"))
            #expect(report[.codeExchange]?.verdict == .fail)
            #expect(report[.codeExchange]?.reason.contains("invalid_grant") == true)
            #expect(report[.codeExchange]?.fix?.contains("redirect_uri") == true)
            // The bad requests are still checked; nothing else fails.
            #expect(report[.invalidGrant]?.verdict == .pass)
            #expect(report[.invalidClient]?.verdict == .pass)
            #expect(report.ids(.fail) == [.codeExchange], "\(report.dump)")
            // The endpoint echoed the code in error_description; the report shows only its last 4 characters.
            #expect(!report.renderText().contains("code-never-issued-ABCD1234"))
            #expect(report.renderText().contains("…1234"))
        }
    }

    @Test("a token endpoint that redirects is a FAIL of the code exchange, and the redirect is not followed")
    func redirect() async throws {
        try await FakeServer.with { fake in
            var options = fake.codeOptions(probe: false)
            options.tokenURL = try #require(URL(string: "http://127.0.0.1:\(fake.port)/moved"))
            let report = await FakeServer.run(options)
            #expect(report[.codeExchange]?.verdict == .fail)
            #expect(report[.codeExchange]?.reason.contains("302 redirecting to /token") == true)
            #expect(report[.codeExchange]?.fix?.contains("redirects are not followed") == true)
            #expect(fake.endpoint.tokenRequests == 0)
        }
    }

    @Test("a code over 512 characters WARNs and one over 1024 FAILs, and both still exchange")
    func longCodes() async throws {
        try await FakeServer.with { fake in
            let warned = await FakeServer.run(fake.codeOptions(code: fake.endpoint.issueCode(length: 700)))
            #expect(warned[.codeLength]?.verdict == .warn)
            #expect(warned[.codeExchange]?.verdict == .pass)
            let failed = await FakeServer.run(fake.codeOptions(code: fake.endpoint.issueCode(length: 1500)))
            #expect(failed[.codeLength]?.verdict == .fail)
            #expect(failed.ids(.fail) == [.codeLength], "\(failed.dump)")
        }
    }
}

struct DoctorRefreshModeTests {
    @Test(
        "from a refresh token, rotation without grace and revoking the old access token are still caught",
        arguments: [
            (Misbehaviour.rotationWithoutGrace, CheckID.refreshTokenReuse),
            (.revokeAccessOnRefresh, .oldAccessToken),
            (.invalidGrantForBadClient, .invalidClient),
        ])
    func refreshMode(_ misbehaviour: Misbehaviour, _ failing: CheckID) async throws {
        try await FakeServer.with(FakeBehaviour(misbehaviour: misbehaviour)) { fake in
            let report = await FakeServer.run(fake.refreshOptions())
            #expect(report.ids(.fail) == [failing], "\(report.dump)")
            #expect(report.warningsBeyondLoopback.isEmpty, "\(report.dump)")
        }
    }
}

struct DoctorSharperVerdictTests {
    @Test("a 5xx on the in-grace retry is its own FAIL, not \"no grace period\"")
    func serverErrorOnRetry() async throws {
        try await FakeServer.with(FakeBehaviour(misbehaviour: .serverErrorOnReuse)) { fake in
            let report = await FakeServer.run(fake.codeOptions())
            let reuse = try #require(report[.refreshTokenReuse])
            #expect(reuse.verdict == .fail)
            #expect(reuse.reason.contains("errored on a retried refresh"), "\(reuse.reason)")
            #expect(!reuse.reason.contains("without a grace period"), "\(reuse.reason)")
        }
    }

    @Test("when the old access token dies, the fix says what to do without a server setting")
    func oldAccessTokenFix() async throws {
        try await FakeServer.with(FakeBehaviour(misbehaviour: .revokeAccessOnRefresh)) { fake in
            let report = await FakeServer.run(fake.codeOptions())
            #expect(report[.oldAccessToken]?.fix?.contains("no setting") == true)
        }
    }

    @Test("--json carries every check's id, verdict and evidence")
    func evidence() async throws {
        try await FakeServer.with { fake in
            let report = await FakeServer.run(fake.codeOptions())
            #expect(
                report[.codeExchange]?.evidence.first?.contains("the code exchange (HTTP Basic): 200") == true, "\(report.renderJSON())")
            #expect(report[.refreshTokenReuse]?.evidence.count == 1)
            #expect(report[.oldAccessToken]?.evidence.count == 2)
            #expect(report.renderJSON().contains("\"evidence\" : ["))
        }
    }
}

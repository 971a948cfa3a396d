import SkillGateDoctor
import Testing

struct DoctorWellBehavedTests {
    @Test("a well-behaved server passes every check from a code, with only the loopback-HTTP warnings")
    func wellBehavedFromCode() async throws {
        try await FakeServer.with { fake in
            let report = await FakeServer.run(fake.codeOptions())
            #expect(report.ids(.fail).isEmpty, "\(report.dump)")
            #expect(report.ids(.error).isEmpty, "\(report.dump)")
            #expect(report.warningsBeyondLoopback.isEmpty, "\(report.dump)")
            #expect(report[.tokenURLHTTPS]?.verdict == .warn)
            #expect(report[.probeURLHTTPS]?.verdict == .warn)
            #expect(report[.serverErrors]?.verdict == .info)
            // The fake announces no refresh-token lifetime: that cannot be checked from outside.
            #expect(report[.refreshTokenLifetime]?.verdict == .info)
            #expect(report[.refreshTokenLifetime]?.reason.contains("cannot be checked from outside") == true)
            #expect(!report.hasFailures)
            let mustPass: [CheckID] = [
                .codeLength, .codeExchange, .responseFormat, .tokenFields, .refreshTokenIssued, .expiresIn, .answerTime, .refresh,
                .refreshTokenReuse, .oldAccessToken, .clientAuthCode,
                .clientAuthRefresh, .clientAuthConsistency, .invalidGrant, .invalidClient, .errorFormat,
            ]
            for id in mustPass {
                #expect(report[id]?.verdict == .pass, "\(id.rawValue): \(report[id]?.reason ?? "missing")")
            }
            #expect(report.checks.map(\.id) == CheckID.allCases)
            #expect(report[.clientAuthCode]?.reason.contains("not tested (the code is single-use)") == true)
            #expect(report[.refreshTokenReuse]?.reason.contains("grace period") == true)
            // 1 code exchange, 3 refreshes, 2 deliberately bad requests.
            #expect(fake.endpoint.tokenRequests == 6)
        }
    }

    @Test("a well-behaved server passes from a refresh token, with expires_in as a numeric string")
    func wellBehavedFromRefreshToken() async throws {
        try await FakeServer.with(FakeBehaviour(expiresInAsString: true)) { fake in
            let report = await FakeServer.run(fake.refreshOptions())
            #expect(report.ids(.fail).isEmpty, "\(report.dump)")
            #expect(report.ids(.error).isEmpty, "\(report.dump)")
            #expect(report.warningsBeyondLoopback.isEmpty, "\(report.dump)")
            for id: CheckID in [.refresh, .refreshTokenReuse, .oldAccessToken, .expiresIn, .clientAuthRefresh] {
                #expect(report[id]?.verdict == .pass, "\(id.rawValue): \(report[id]?.reason ?? "missing")")
            }
            for id: CheckID in [.codeExchange, .codeLength, .refreshTokenIssued, .clientAuthCode] {
                #expect(report[id]?.verdict == .info, "\(id.rawValue)")
            }
            #expect(!report.hasFailures)
        }
    }

    @Test("without --probe the old-access-token check is not tested, and nothing fails")
    func withoutProbe() async throws {
        try await FakeServer.with { fake in
            let report = await FakeServer.run(fake.codeOptions(probe: false))
            #expect(report[.oldAccessToken]?.verdict == .info)
            #expect(report[.probeURLHTTPS]?.verdict == .info)
            #expect(report.ids(.fail).isEmpty, "\(report.dump)")
        }
    }
}

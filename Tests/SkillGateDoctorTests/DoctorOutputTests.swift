import Foundation
import SkillGateDoctor
import Testing

struct DoctorOutputTests {
    @Test("no secret appears in the text or JSON report, only its last 4 characters")
    func secretsNeverPrinted() async throws {
        // Rotation without grace: the endpoint echoes the refused (real) refresh token in error_description.
        try await FakeServer.with(FakeBehaviour(misbehaviour: .rotationWithoutGrace)) { fake in
            let options = fake.codeOptions()
            let report = await FakeServer.run(options)
            #expect(report[.refreshTokenReuse]?.verdict == .fail)
            let text = report.renderText()
            let json = report.renderJSON()
            let secrets = fake.endpoint.issuedSecrets + [fake.endpoint.clientSecret]
            #expect(secrets.count >= 6)
            for secret in secrets {
                #expect(!text.contains(secret), "text report contains a secret")
                #expect(!json.contains(secret), "JSON report contains a secret")
            }
            #expect(text.contains("client secret …WXYZ"))
            #expect(report.checks.contains { $0.reason.contains("…") && $0.id == .refreshTokenReuse })
            #expect(!String(describing: options).contains(fake.endpoint.clientSecret))
        }
    }

    @Test("the JSON report parses and carries every check with its verdict")
    func jsonReport() async throws {
        try await FakeServer.with(FakeBehaviour(misbehaviour: .shortExpiresIn)) { fake in
            let report = await FakeServer.run(fake.codeOptions())
            let data = Data(report.renderJSON().utf8)
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(object["hasFailures"] as? Bool == true)
            #expect(object["tokenURL"] as? String == fake.tokenURL.absoluteString)
            let summary = try #require(object["summary"] as? [String: Int])
            #expect(summary["FAIL"] == 1)
            let checks = try #require(object["checks"] as? [[String: Any]])
            #expect(checks.count == CheckID.allCases.count)
            for (entry, check) in zip(checks, report.checks) {
                #expect(entry["id"] as? String == check.id.rawValue)
                #expect(entry["verdict"] as? String == check.verdict.rawValue)
                #expect(entry["reason"] as? String == check.reason)
                #expect(entry["title"] as? String == check.title)
                #expect(entry.keys.contains("fix"))
                #expect(entry["evidence"] as? [String] == check.evidence)
            }
            let expires = try #require(checks.first { $0["id"] as? String == "expires-in" })
            #expect(expires["verdict"] as? String == "FAIL")
        }
    }

    @Test("the text report lists every check with its verdict, reason and fix, and a summary")
    func textReport() async throws {
        try await FakeServer.with(FakeBehaviour(misbehaviour: .formEncoded)) { fake in
            let report = await FakeServer.run(fake.codeOptions())
            let text = report.renderText()
            for check in report.checks {
                #expect(text.contains("[\(check.verdict.rawValue)]"))
                #expect(text.contains("(\(check.id.rawValue))"))
                #expect(text.contains(check.reason))
            }
            #expect(text.contains("Fix: Return the token response as a JSON object"))
            #expect(text.contains("1 FAIL"))
            #expect(text.contains("account linking will break"))
        }
    }
}

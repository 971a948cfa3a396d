import Foundation
import Testing

@testable import SkillGateDoctor

/// `--skill-package`: the settings are read and checked, the secret comes from the environment or a file,
/// and the skill's Client Authentication Scheme is the one the token calls use.
struct DoctorSkillPackageTests {
    @Test("the skill package gives the URLs, client ID, scheme, domains and scopes; the secret comes from the environment")
    func parsed() async throws {
        try await FakeServer.with { fake in
            try await FakeServer.withSkillPackage(fake.accountLinking(["accessTokenScheme": "REQUEST_BODY_CREDENTIALS"])) { project in
                let options = try fake.packageOptions(project)
                #expect(options.tokenURL == fake.tokenURL)
                #expect(options.authorizationURL?.absoluteString == fake.authorizationURL)
                #expect(options.clientID == fake.endpoint.clientID)
                #expect(options.clientSecret == fake.endpoint.clientSecret)
                #expect(options.clientSecretSource == .environment("SKILLGATE_CLIENT_SECRET"))
                #expect(options.accessTokenScheme == .requestBodyCredentials)
                #expect(options.domains == [FakeTokenEndpoint.listedDomain])
                #expect(options.scopes == ["profile", "rides:order"])
                #expect(options.grant == .notGiven)
                #expect(options.skillPackage?.path.hasSuffix("skill-package/accountLinking.json") == true)
            }
        }
    }

    @Test("a well-behaved skill and server pass every settings, authorization and token check")
    func wellBehaved() async throws {
        try await FakeServer.with { fake in
            try await FakeServer.withSkillPackage(fake.accountLinking()) { project in
                let options = try fake.packageOptions(
                    project, ["--redirect-uri", fake.endpoint.redirectURI, "--code", fake.endpoint.issueCode()])
                let report = await FakeServer.run(options)
                #expect(report.ids(.fail).isEmpty, "\(report.dump)")
                #expect(report.ids(.error).isEmpty, "\(report.dump)")
                #expect(report.warningsBeyondLoopback.isEmpty, "\(report.dump)")
                for id: CheckID in [
                    .skillPackage, .defaultTokenExpiration, .domainList, .scopeList, .clientSecretSource, .authorizationPage,
                    .authorizationDomains, .authorizationPopups, .codeExchange, .refresh, .clientAuthScheme,
                ] {
                    #expect(report[id]?.verdict == .pass, "\(id.rawValue): \(report[id]?.reason ?? "missing")")
                }
                #expect(report[.authorizationURLHTTPS]?.verdict == .warn, "plain HTTP on loopback")
            }
        }
    }

    @Test(
        "settings Alexa refuses FAIL their own check",
        arguments: [
            (["defaultTokenExpirationInSeconds": 300] as [String: any Sendable], CheckID.defaultTokenExpiration, CheckVerdict.fail),
            (["domains": (1...16).map { "d\($0).example.com" }], .domainList, .fail),
            (["domains": ["https://cdn.example.com/"]], .domainList, .fail),
            (["scopes": (1...16).map { "scope\($0)" }], .scopeList, .fail),
            (["type": "PASSWORD"], .skillPackage, .fail),
            (["accessTokenScheme": "DIGEST"], .skillPackage, .fail),
            (["authorizationUrl": "https://auth.example.com:8443/authorize"], .authorizationURLHTTPS, .warn),
            (["authorizationUrl": "http://auth.example.com/authorize"], .authorizationURLHTTPS, .fail),
            (["accessTokenUrl": "http://auth.example.com/token"], .tokenURLHTTPS, .fail),
            (["clientSecret": "secret-in-the-file-ABCD"], .skillPackage, .warn),
        ])
    func refusedSettings(_ change: [String: any Sendable], _ id: CheckID, _ verdict: CheckVerdict) async throws {
        try await FakeServer.with { fake in
            try await FakeServer.withSkillPackage(fake.accountLinking(change)) { project in
                // The settings alone, diagnosed without a call (the URLs may name hosts off this machine).
                let checks = Diagnosis(options: try fake.packageOptions(project), observations: Observations()).checks()
                let check = try #require(checks.first { $0.id == id })
                #expect(check.verdict == verdict, "\(check.reason)")
                #expect(check.fix?.isEmpty == false)
            }
        }
    }

    @Test("--client-secret WARNs that it shows in ps; --client-secret-file and the environment PASS")
    func secretSources() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("skillgate-doctor-secret-\(UUID().uuidString)")
        try Data("from-a-file-secret-WXYZ\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let base = ["--token-url", "https://auth.example.com/token", "--client-id", "skill", "--refresh-token", "r"]
        let fromFile = try Doctor.parseArguments(base + ["--client-secret-file", file.path])
        #expect(fromFile.clientSecret == "from-a-file-secret-WXYZ")
        #expect(fromFile.clientSecretSource == .file(file.path))
        let fromLine = try Doctor.parseArguments(base + ["--client-secret", "typed"], environment: ["SKILLGATE_CLIENT_SECRET": "env"])
        #expect(fromLine.clientSecret == "typed")
        #expect(fromLine.clientSecretSource == .commandLine)
        #expect(throws: DoctorUsageError.conflictingSecrets) {
            try Doctor.parseArguments(base + ["--client-secret", "a", "--client-secret-file", file.path])
        }
        #expect(DoctorUsageError.missingOption("--client-secret").description.contains("SKILLGATE_CLIENT_SECRET"))
    }

    @Test("the secret's source is a check: WARN for the command line")
    func secretSourceCheck() async throws {
        try await FakeServer.with { fake in
            var options = fake.codeOptions()
            options.clientSecretSource = .commandLine
            let report = await FakeServer.run(options)
            #expect(report[.clientSecretSource]?.verdict == .warn)
            #expect(report[.clientSecretSource]?.reason.contains("ps") == true)
        }
    }

    @Test(
        "the skill's scheme is the one used: refresh that takes only Basic FAILs body credentials and PASSes Basic",
        arguments: [("REQUEST_BODY_CREDENTIALS", CheckVerdict.fail), ("HTTP_BASIC", .pass)])
    func schemeDecides(_ scheme: String, _ verdict: CheckVerdict) async throws {
        try await FakeServer.with(FakeBehaviour(misbehaviour: .basicOnlyForRefresh)) { fake in
            try await FakeServer.withSkillPackage(fake.accountLinking(["accessTokenScheme": scheme])) { project in
                let options = try fake.packageOptions(
                    project, ["--redirect-uri", fake.endpoint.redirectURI, "--code", fake.endpoint.issueCode()])
                let report = await FakeServer.run(options)
                #expect(report[.clientAuthScheme]?.verdict == verdict, "\(report.dump)")
                #expect(report[.codeExchange]?.verdict == .pass, "\(report.dump)")
                // With body credentials, client-auth-consistency FAILs too: the code exchange accepted a method that
                // refresh refuses.
                #expect(report.ids(.fail) == (verdict == .fail ? [.clientAuthScheme, .clientAuthConsistency] : []), "\(report.dump)")
            }
        }
    }
}

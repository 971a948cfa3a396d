import Foundation
import SkillGateDoctor
import Testing

/// The authorization URI requested as Alexa does: the login page, its domains and popups, and PKCE.
struct DoctorAuthorizationTests {
    /// Runs the doctor from the fake's skill package with extra arguments.
    static func run(_ behaviour: FakeBehaviour, _ arguments: [String] = [], code: Bool = false) async throws -> DoctorReport {
        try await FakeServer.with(behaviour) { fake in
            try await FakeServer.withSkillPackage(fake.accountLinking()) { project in
                let grant = code ? ["--redirect-uri", fake.endpoint.redirectURI, "--code", fake.endpoint.issueCode()] : []
                return await FakeServer.run(try fake.packageOptions(project, arguments + grant))
            }
        }
    }

    @Test(
        "each misbehaviour of the authorization URI FAILs its own check, and nothing else FAILs or WARNs",
        arguments: [
            (Misbehaviour.none, [CheckID: CheckVerdict]()),
            (.unlistedAsset, [.authorizationDomains: .fail]),
            (.popupWindow, [.authorizationPopups: .fail]),
            (.blankTarget, [.authorizationPopups: .fail]),
            (.authorizationError, [.authorizationPage: .fail]),
            (.pkceRequired, [.pkce: .fail]),
        ])
    func misbehaviour(_ misbehaviour: Misbehaviour, _ expected: [CheckID: CheckVerdict]) async throws {
        let report = try await Self.run(FakeBehaviour(misbehaviour: misbehaviour))
        for (id, verdict) in expected {
            #expect(report[id]?.verdict == verdict, "\(id.rawValue): \(report.dump)")
            #expect(report[id]?.fix?.isEmpty == false, "\(id.rawValue) names no fix")
        }
        #expect(report.ids(.fail) == Set(expected.filter { $0.value == .fail }.keys), "\(report.dump)")
        #expect(report.warningsBeyondLoopback.isEmpty, "\(report.dump)")
        #expect(report.ids(.error).isEmpty, "\(report.dump)")
        if misbehaviour == .none {
            for id: CheckID in [.authorizationPage, .authorizationDomains, .authorizationPopups] {
                #expect(report[id]?.verdict == .pass, "\(id.rawValue): \(report.dump)")
            }
            #expect(report[.pkce]?.verdict == .info)
        }
    }

    @Test("an unlisted domain is named, and the listed one is not")
    func unlistedDomainNamed() async throws {
        let report = try await Self.run(FakeBehaviour(misbehaviour: .unlistedAsset))
        let reason = try #require(report[.authorizationDomains]?.reason)
        #expect(reason.contains(FakeTokenEndpoint.unlistedDomain))
        #expect(!reason.contains(FakeTokenEndpoint.listedDomain))
    }

    @Test("with --pkce the challenge is sent, the verifier spent with the code, and PKCE passes even where it is required")
    func pkceOn() async throws {
        try await FakeServer.with(FakeBehaviour(misbehaviour: .pkceRequired)) { fake in
            try await FakeServer.withSkillPackage(fake.accountLinking()) { project in
                let options = try fake.packageOptions(project, ["--pkce"])
                let verifier = try #require(options.codeVerifier)
                #expect(PKCE.isValidVerifier(verifier))
                let report = await FakeServer.run(options)
                #expect(report[.pkce]?.verdict == .pass, "\(report.dump)")
                #expect(report[.authorizationPage]?.verdict == .pass, "\(report.dump)")
            }
        }
    }

    @Test("a server that requires PKCE at the token endpoint: pkce FAILs with the fix, the code exchange names it")
    func pkceRequiredAtTokenEndpoint() async throws {
        let report = try await Self.run(FakeBehaviour(misbehaviour: .pkceRequired), code: true)
        #expect(report[.pkce]?.verdict == .fail, "\(report.dump)")
        #expect(report[.pkce]?.fix?.contains("Turn PKCE on") == true)
        #expect(report[.codeExchange]?.verdict == .fail)
        #expect(report[.codeExchange]?.fix?.contains("pkce") == true)
    }

    @Test("PKCE required with PKCE off: the refresh checks still run from a refresh token")
    func pkceRequiredRefreshStillChecked() async throws {
        try await FakeServer.with(FakeBehaviour(misbehaviour: .pkceRequired)) { fake in
            try await FakeServer.withSkillPackage(fake.accountLinking()) { project in
                let options = try fake.packageOptions(project, ["--refresh-token", fake.endpoint.issueRefreshToken()])
                let report = await FakeServer.run(options)
                #expect(report[.pkce]?.verdict == .fail, "\(report.dump)")
                for id: CheckID in [.refresh, .refreshTokenReuse, .invalidGrant, .invalidClient] {
                    #expect(report[id]?.verdict == .pass, "\(id.rawValue): \(report.dump)")
                }
                #expect(report.ids(.fail) == [.pkce], "\(report.dump)")
            }
        }
    }

    @Test("PKCE: the S256 challenge of RFC 7636's example, and verifier rules")
    func pkceValues() {
        #expect(PKCE.challenge(for: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
        let made = PKCE.makeVerifier()
        #expect(PKCE.isValidVerifier(made))
        #expect(PKCE.makeVerifier() != made)
        #expect(!PKCE.isValidVerifier(String(repeating: "a", count: 42)))
        #expect(!PKCE.isValidVerifier(String(repeating: "a", count: 129)))
        #expect(!PKCE.isValidVerifier(String(repeating: "a", count: 42) + "+"))
        #expect(PKCE.challenge(for: made) == FakeTokenEndpoint.s256(made))
    }
}

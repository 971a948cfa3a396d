import Foundation
import SkillGateDoctor
import Testing

/// `skillgate doctor link`: the walkthrough's redirect checks, then every token check with its code.
struct DoctorLinkTests {
    /// Runs the walkthrough against a fake from its skill package.
    static func walk(
        _ behaviour: FakeBehaviour, package: [String: Any] = [:], arguments: [String] = [],
        paste: (@Sendable (String) -> String?)? = nil
    ) async throws -> (DoctorReport, String) {
        try await FakeServer.with(behaviour) { fake in
            try await FakeServer.withSkillPackage(fake.accountLinking(package)) { project in
                let options = try fake.packageOptions(project, ["--probe", fake.probeURL.absoluteString] + arguments)
                let driver = paste.map { WalkthroughDriver(paste: $0) } ?? WalkthroughDriver(fake)
                let report = await driver.run(options)
                return (report, driver.output)
            }
        }
    }

    @Test("the walkthrough prints Alexa's authorization URL, checks the redirect, then spends the code on every check")
    func wellBehaved() async throws {
        let (report, output) = try await Self.walk(FakeBehaviour(), arguments: ["--pkce"])
        #expect(output.contains("/authorize?client_id="), "\(output)")
        #expect(output.contains("code_challenge_method=S256"), "\(output)")
        #expect(output.contains("redirect_uri=https%3A%2F%2Fpitangui.amazon.com%2Fapi%2Fskill%2Flink%2FM2AAAAAAAAAAAA"), "\(output)")
        for id: CheckID in [
            .linkRedirect, .linkState, .linkCredential, .codeLength, .codeExchange, .refresh, .refreshTokenReuse,
            .oldAccessToken, .pkce, .authorizationPage, .clientAuthScheme,
        ] {
            #expect(report[id]?.verdict == .pass, "\(id.rawValue): \(report.dump)")
        }
        #expect(report.ids(.fail).isEmpty, "\(report.dump)")
        #expect(report.warningsBeyondLoopback.isEmpty, "\(report.dump)")
    }

    @Test(
        "each misbehaviour of the redirect FAILs or WARNs its own check",
        arguments: [
            (Misbehaviour.dropsState, CheckID.linkState, CheckVerdict.fail),
            (.codeInFragment, .linkCredential, .fail),
            (.wrongRedirect, .linkRedirect, .fail),
        ])
    func misbehaviour(_ misbehaviour: Misbehaviour, _ id: CheckID, _ verdict: CheckVerdict) async throws {
        let (report, _) = try await Self.walk(FakeBehaviour(misbehaviour: misbehaviour))
        #expect(report[id]?.verdict == verdict, "\(report.dump)")
        #expect(report[id]?.fix?.isEmpty == false)
        #expect(report.ids(.fail).contains(id), "\(report.dump)")
        #expect(report.ids(.fail).subtracting([id]).allSatisfy { $0.rawValue.hasPrefix("link-") || $0 == .codeExchange }, "\(report.dump)")
    }

    @Test("a long code WARNs, and still exchanges")
    func longCode() async throws {
        let (report, _) = try await Self.walk(FakeBehaviour(loginCodeLength: 700))
        #expect(report[.codeLength]?.verdict == .warn, "\(report.dump)")
        #expect(report[.linkCredential]?.verdict == .pass, "\(report.dump)")
        #expect(report[.codeExchange]?.verdict == .pass, "\(report.dump)")
        #expect(report.ids(.fail).isEmpty, "\(report.dump)")
    }

    @Test("the implicit grant: the token in the fragment passes, and no token endpoint is called")
    func implicitGrant() async throws {
        let (report, output) = try await Self.walk(FakeBehaviour(), package: ["type": "IMPLICIT", "accessTokenUrl": NSNull()])
        #expect(output.contains("response_type=token"), "\(output)")
        #expect(report[.linkCredential]?.verdict == .pass, "\(report.dump)")
        #expect(report[.linkState]?.verdict == .pass, "\(report.dump)")
        #expect(report[.codeExchange]?.verdict == .info, "\(report.dump)")
        #expect(report[.tokenURLHTTPS]?.verdict == .info, "\(report.dump)")
        #expect(report.ids(.fail).isEmpty, "\(report.dump)")
    }

    @Test("nothing pasted, or not a URL, is a FAIL of link-redirect; no token call is made")
    func nothingPasted() async throws {
        for line in [nil, "   ", "not a url"] as [String?] {
            let (report, _) = try await Self.walk(FakeBehaviour(), paste: { _ in line })
            #expect(report[.linkRedirect]?.verdict == .fail, "\(report.dump)")
            #expect(report[.codeExchange]?.verdict == .info, "\(report.dump)")
        }
    }
}

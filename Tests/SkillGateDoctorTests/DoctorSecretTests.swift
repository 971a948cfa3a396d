import Foundation
import SkillGateDoctor
import Testing

/// Secrets a server echoes back never reach the output, in any encoding, whole or in part.
struct DoctorSecretTests {
    /// Every encoding name the fake can echo in.
    static let encodings: [String] =
        (Array(SecretEncodings.all("x").keys) + Array(SecretEncodings.basic(clientID: "i", secret: "x").keys)).sorted()

    /// Records an issue for every secret (or encoding of one) found in an output, and for every 8-character
    /// piece of a secret.
    static func expectNoLeak(_ outputs: [String], secrets: [String], clientID: String, clientSecret: String) {
        let basic = SecretEncodings.basic(clientID: clientID, secret: clientSecret).values
        let encodings = secrets.map { SecretEncodings.all($0) }
        for text in outputs {
            let output = SecretEncodings.Output(text)
            for (secret, encoded) in zip(secrets, encodings) {
                if let piece = output.leak(of: secret) {
                    Issue.record("the output shows \"\(piece)\", a piece of a secret:\n\(text)")
                }
                for (name, value) in encoded where value.utf8.count >= 8 && output.contains(value) {
                    Issue.record("the output shows a secret \(name)-encoded:\n\(text)")
                }
            }
            for encoded in basic where output.contains(encoded) {
                Issue.record("the output shows the HTTP Basic credentials:\n\(text)")
            }
        }
    }

    @Test(
        "a secret straddling the place where error_description is cut is not printed, even in part",
        arguments: [80, 95, 100, 105])
    func scrubbedBeforeShortened(_ padding: Int) async throws {
        try await FakeServer.with(FakeBehaviour(errorPadding: padding)) { fake in
            let code = "code-never-issued-MARKERcode0123456789abcdef"
            let report = await FakeServer.run(fake.codeOptions(code: code))
            #expect(report[.codeExchange]?.verdict == .fail, "\(report.dump)")
            Self.expectNoLeak(
                [report.renderText(), report.renderJSON()], secrets: [code, fake.endpoint.clientSecret],
                clientID: fake.endpoint.clientID, clientSecret: fake.endpoint.clientSecret)
        }
    }

    @Test("an endpoint that echoes every secret in one encoding shows none of them", arguments: Self.encodings)
    func echoedSecrets(_ encoding: String) async throws {
        let behaviour = FakeBehaviour(misbehaviour: .rotationWithoutGrace, echo: encoding)
        try await FakeServer.with(behaviour) { fake in
            let report = await FakeServer.run(fake.codeOptions())
            Self.expectNoLeak(
                [report.renderText(), report.renderJSON()], secrets: fake.endpoint.issuedSecrets + [fake.endpoint.clientSecret],
                clientID: fake.endpoint.clientID, clientSecret: fake.endpoint.clientSecret)
        }
        // A token endpoint that redirects, echoing the secrets in the Location (a fresh fake: only this run's).
        try await FakeServer.with(behaviour) { fake in
            var redirected = fake.codeOptions(probe: false)
            redirected.tokenURL = try #require(URL(string: "http://127.0.0.1:\(fake.port)/moved"))
            let redirect = await FakeServer.run(redirected)
            #expect(redirect[.codeExchange]?.reason.contains("302 redirecting to /token") == true, "\(redirect.dump)")
            Self.expectNoLeak(
                [redirect.renderText(), redirect.renderJSON()], secrets: fake.endpoint.issuedSecrets + [fake.endpoint.clientSecret],
                clientID: fake.endpoint.clientID, clientSecret: fake.endpoint.clientSecret)
        }
    }

    /// A PKCE verifier the test knows, so the echo of it can be looked for.
    static let markerVerifier = "MARKERverifier-0123456789_abcdefghijklmnopqrstuvwxyz.ABC~"

    @Test(
        "the walkthrough, the authorization URI, PKCE and the settings checks show no secret an endpoint echoes",
        arguments: Self.encodings)
    func echoedThroughEveryCheck(_ encoding: String) async throws {
        var outputs: [String] = []
        var secrets = [Self.markerVerifier]
        var basic: (String, String) = ("", "")
        for (misbehaviour, package) in [
            (Misbehaviour.rotationWithoutGrace, [String: Any]()), (.authorizationError, [:]), (.none, ["type": "IMPLICIT"]),
        ] {
            try await FakeServer.with(FakeBehaviour(misbehaviour: misbehaviour, echo: encoding)) { fake in
                try await FakeServer.withSkillPackage(fake.accountLinking(package)) { project in
                    let options = try fake.packageOptions(
                        project, ["--probe", fake.probeURL.absoluteString, "--code-verifier", Self.markerVerifier])
                    let driver = WalkthroughDriver(fake)
                    let report = await driver.run(options)
                    if misbehaviour == .rotationWithoutGrace {
                        #expect(report[.codeExchange]?.verdict == .pass, "\(report.dump)")
                        #expect(report[.refreshTokenReuse]?.verdict == .fail, "\(report.dump)")
                    }
                    outputs += [driver.output, report.renderText(), report.renderJSON()]
                    secrets += fake.endpoint.issuedSecrets + [fake.endpoint.clientSecret]
                    basic = (fake.endpoint.clientID, fake.endpoint.clientSecret)
                }
            }
        }
        Self.expectNoLeak(outputs, secrets: secrets, clientID: basic.0, clientSecret: basic.1)
    }
}

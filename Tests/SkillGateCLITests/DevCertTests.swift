import Foundation
import Testing
import SkillGateTestSupport

/// `skillgate dev-cert` and the signed replay it sets up, against `ride-hailer serve` with
/// verification on.
struct DevCertTests {
    /// The value printed after `NAME=` in dev-cert's instructions.
    static func value(after prefix: String, in text: String) throws -> String {
        let start = try #require(text.range(of: prefix))
        return String(text[start.upperBound...].prefix { $0 != " " && $0 != "\n" })
    }

    @Test(
        "dev-cert writes what serve and replay need and prints how to use them; a signed replay then passes",
        .enabled(if: Command.which("openssl") != nil, "needs the openssl command line")
    )
    func signedReplay() async throws {
        let folder = try TemporaryFolder()
        let made = try await Command.skillgate(["dev-cert", folder.path + "/certs"], timeout: 120)
        try #require(made.status == 0, "\(made)")
        #expect(made.stdout.contains("Checked: a request signed with signing.key verifies against root.pem and chain.pem."))
        let roots = try Self.value(after: "SKILLGATE_TRUST_ROOTS=", in: made.stdout)
        let chain = try Self.value(after: "SKILLGATE_CERT_CHAIN=", in: made.stdout)
        let key = try Self.value(after: "--sign-with ", in: made.stdout)
        #expect(try Self.value(after: "--cert-chain ", in: made.stdout) == chain)
        #expect(made.stdout.contains("--refresh-timestamps"))
        #expect(roots == folder.path + "/certs/root.pem" && key == folder.path + "/certs/signing.key")
        let permissions = try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? Int
        #expect(permissions == 0o600, "the key is readable by its owner only")

        let server = try await SkillServerProcess.start(
            Command.path("ride-hailer"), environment: ["SKILLGATE_TRUST_ROOTS": roots, "SKILLGATE_CERT_CHAIN": chain])
        let signed = try await Command.skillgate([
            "replay", Command.rideHailerReplay, "--url", server.url, "--sign-with", key, "--cert-chain", chain, "--refresh-timestamps",
            "--quiet",
        ])
        #expect(signed.status == 0, "\(signed)\n--- serve log\n\(server.log)")
        #expect(signed.stdout.contains(" 0 failed"))
        let unsigned = try await Command.skillgate(["replay", Command.rideHailerReplay + "/requests/launch.json", "--url", server.url])
        #expect(unsigned.status == 1, "verification is on: \(unsigned)")
        _ = await server.stop()
    }

    @Test(
        "a key from another dev-cert is caught before replaying, though the chain holds no root",
        .enabled(if: Command.which("openssl") != nil, "needs the openssl command line")
    )
    func wrongKey() async throws {
        let folder = try TemporaryFolder()
        for name in ["one", "two"] {
            let made = try await Command.skillgate(["dev-cert", folder.path + "/" + name], timeout: 120)
            try #require(made.status == 0, "\(made)")
        }
        let output = try await Command.skillgate([
            "replay", Command.rideHailerReplay + "/requests/launch.json", "--url", "http://127.0.0.1:1/",
            "--sign-with", folder.path + "/two/signing.key", "--cert-chain", folder.path + "/one/chain.pem",
        ])
        #expect(output.status == 2, "\(output)")
        #expect(output.stderr.contains("--sign-with does not match the signing certificate in --cert-chain"), "\(output)")
        #expect(!output.stderr.contains("cannot reach"), "caught before any request")
    }

    @Test(
        "dev-cert refuses to overwrite without --force, and checks its options",
        .enabled(if: Command.which("openssl") != nil, "needs the openssl command line")
    )
    func refusals() async throws {
        let folder = try TemporaryFolder()
        let first = try await Command.skillgate(["dev-cert", folder.path], timeout: 120)
        try #require(first.status == 0, "\(first)")
        let key = try folder.read("signing.key")
        let again = try await Command.skillgate(["dev-cert", folder.path])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already holds root.pem"), "\(again)")
        #expect(try folder.read("signing.key") == key)
        let forced = try await Command.skillgate(["dev-cert", folder.path, "--force", "--days", "2"], timeout: 120)
        #expect(forced.status == 0, "\(forced)")
        #expect(try folder.read("signing.key") != key)
        for (arguments, message) in [
            ([], "say where to write the certificates"), ([folder.path, "--days", "0"], "--days needs a whole number"),
        ] {
            let output = try await Command.skillgate(["dev-cert"] + arguments)
            #expect(output.status == 2)
            #expect(output.stderr.contains(message), "\(output)")
        }
    }
}

import Foundation
import SkillGateDoctor
import SkillGateTestSupport
import Testing

/// The `skillgate doctor` binary: the exit status its help promises, the secret from the environment, and the
/// walkthrough reading the pasted URL from standard input.
@Suite(.enabled(if: DoctorBinary.isBuilt, "needs the skillgate executable built beside the tests"))
struct DoctorCommandLineTests {
    static func doctor(_ arguments: [String], input: String = "", environment: [String: String] = [:]) async throws -> ChildProcess.Output {
        try await ChildProcess.run(
            DoctorBinary.path, ["doctor"] + arguments, input: Array(input.utf8), environment: environment, timeout: 120)
    }

    @Test("--help exits 0 and lists the exit status the command uses")
    func help() async throws {
        let output = try await Self.doctor(["--help"])
        #expect(output.status == 0, "\(output)")
        #expect(output.stdout.contains("Exit status: 0 when nothing FAILs; 1 when a check FAILs; 2 for a usage error"), "\(output)")
        for option in ["--skill-package", "--client-secret-file", "--pkce", "--code-verifier", "--vendor-id", "--authorization-url"] {
            #expect(output.stdout.contains(option), "\(option)")
        }
        let usage = try await Self.doctor(["--no-such-option"])
        #expect(usage.status == 2, "\(usage)")
        #expect(usage.stderr == "skillgate doctor: unknown option '--no-such-option' (see 'skillgate doctor --help')\n", "\(usage)")
    }

    @Test("exit 0 when nothing FAILs, 1 when a check FAILs; the secret comes from SKILLGATE_CLIENT_SECRET and is never printed")
    func exitStatus() async throws {
        for (misbehaviour, status) in [(Misbehaviour.none, Int32(0)), (.shortExpiresIn, 1)] {
            try await FakeServer.with(FakeBehaviour(misbehaviour: misbehaviour)) { fake in
                try await FakeServer.withSkillPackage(fake.accountLinking()) { project in
                    let output = try await Self.doctor(
                        [
                            "--skill-package", project, "--vendor-id", "M2AAAAAAAAAAAA", "--code", fake.endpoint.issueCode(),
                            "--redirect-uri", fake.endpoint.redirectURI,
                        ],
                        environment: [Doctor.clientSecretVariable: fake.endpoint.clientSecret])
                    #expect(output.status == status, "\(output)")
                    #expect(output.stdout.contains("[PASS]  Where the client secret came from"), "\(output)")
                    for secret in fake.endpoint.issuedSecrets + [fake.endpoint.clientSecret] {
                        #expect(SecretEncodings.leak(of: secret, in: output.stdout + output.stderr) == nil, "\(output)")
                    }
                }
            }
        }
    }

    @Test("exit 2 when the endpoint cannot be reached: an ERROR is not a verdict")
    func unreachable() async throws {
        let output = try await Self.doctor(
            ["--token-url", "http://127.0.0.1:1/token", "--client-id", "c", "--refresh-token", "r"],
            environment: [Doctor.clientSecretVariable: "secret-value-WXYZ"])
        #expect(output.status == 2, "\(output)")
        #expect(output.stdout.contains("[ERROR]"), "\(output)")
    }

    @Test("doctor link reads the pasted URL from standard input; with --json the instructions go to stderr")
    func walkthroughFromStandardInput() async throws {
        try await FakeServer.with { fake in
            try await FakeServer.withSkillPackage(fake.accountLinking()) { project in
                // The state is made by the child, so this paste (a real code, a made-up state) fails link-state.
                let code = fake.endpoint.issueCode()
                let pasted = "\(fake.endpoint.redirectURI)?code=\(code)&state=not-the-one-sent\n"
                let output = try await Self.doctor(
                    ["link", "--skill-package", project, "--vendor-id", "M2AAAAAAAAAAAA", "--json"], input: pasted,
                    environment: [Doctor.clientSecretVariable: fake.endpoint.clientSecret])
                #expect(output.status == 1, "\(output)")
                #expect(output.stderr.contains("/authorize?client_id="), "\(output)")
                let report = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
                let checks = try #require(report["checks"] as? [[String: Any]])
                let verdicts = Dictionary(
                    uniqueKeysWithValues: checks.compactMap { check in
                        (check["id"] as? String).map { ($0, check["verdict"] as? String ?? "") }
                    })
                #expect(verdicts["link-state"] == "FAIL", "\(output)")
                #expect(verdicts["link-redirect"] == "PASS", "\(output)")
                #expect(verdicts["code-exchange"] == "PASS", "\(output)")
                #expect(!output.stdout.contains(code) && !output.stderr.contains(code))
            }
        }
    }
}

/// Where the built `skillgate` executable is.
enum DoctorBinary {
    /// Its path beside the test binary.
    static let path = ChildProcess.productsDirectory(containing: "skillgate").appendingPathComponent("skillgate").path
    /// Whether it is there.
    static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: path) }
}

import Foundation
import SkillGateDoctor
import Testing

/// The options added for the whole account-linking setup.
struct DoctorOptionArgumentsTests {
    private let base = ["--token-url", "https://auth.example.com/token", "--client-id", "skill"]
    private let environment = ["SKILLGATE_CLIENT_SECRET": "secret-from-env-ABCD"]

    @Test("the secret is read from SKILLGATE_CLIENT_SECRET when no option gives it")
    func environmentSecret() throws {
        let options = try Doctor.parseArguments(base + ["--refresh-token", "r"], environment: environment)
        #expect(options.clientSecret == "secret-from-env-ABCD")
        #expect(options.clientSecretSource == .environment("SKILLGATE_CLIENT_SECRET"))
    }

    @Test("--pkce makes a verifier; --code-verifier is checked and implies PKCE; a --code with --pkce needs its verifier")
    func pkce() throws {
        let made = try Doctor.parseArguments(
            base + ["--authorization-url", "https://auth.example.com/authorize", "--pkce"], environment: environment)
        #expect(made.codeVerifier.map(PKCE.isValidVerifier) == true)
        #expect(made.grant == .notGiven)
        let verifier = String(repeating: "v", count: 50)
        let given = try Doctor.parseArguments(
            base + ["--code", "c", "--redirect-uri", "https://pitangui.amazon.com/api/skill/link/M1", "--code-verifier", verifier],
            environment: environment)
        #expect(given.codeVerifier == verifier)
        #expect(throws: DoctorUsageError.verifierNeeded) {
            try Doctor.parseArguments(
                base + ["--code", "c", "--redirect-uri", "https://pitangui.amazon.com/api/skill/link/M1", "--pkce"],
                environment: environment)
        }
        #expect(throws: DoctorUsageError.invalidCodeVerifier) {
            try Doctor.parseArguments(base + ["--refresh-token", "r", "--code-verifier", "short-secret"], environment: environment)
        }
        #expect(!DoctorUsageError.invalidCodeVerifier.description.contains("short-secret"))
    }

    @Test("doctor link needs an authorization URL and takes no grant")
    func walkthrough() throws {
        #expect(throws: DoctorUsageError.missingAuthorizationURL) { try Doctor.parseArguments(["link"] + base, environment: environment) }
        #expect(throws: DoctorUsageError.grantInWalkthrough) {
            try Doctor.parseArguments(
                ["link"] + base + ["--authorization-url", "https://a.example/authorize", "--refresh-token", "r"], environment: environment)
        }
        let options = try Doctor.parseArguments(
            ["link"] + base + ["--authorization-url", "https://a.example/authorize", "--vendor-id", "M9"], environment: environment)
        #expect(options.walkthrough)
        #expect(options.vendorID == "M9")
        #expect(throws: DoctorUsageError.missingOption("--client-secret")) {
            try Doctor.parseArguments(["link"] + base + ["--authorization-url", "https://a.example/authorize"])
        }
    }

    @Test("without a grant, an authorization URL is enough (the settings, TLS and authorization checks run)")
    func noGrant() throws {
        let options = try Doctor.parseArguments(base + ["--authorization-url", "https://auth.example.com/authorize"])
        #expect(options.grant == .notGiven)
        #expect(options.clientSecretSource == .none)
    }

    @Test("an unreadable or malformed skill package is a usage error naming the file")
    func badSkillPackage() throws {
        do {
            _ = try Doctor.parseArguments(["--skill-package", "/nonexistent/skill"])
            Issue.record("expected a usage error")
        } catch {
            #expect(error.description.contains("/nonexistent/skill"))
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("skillgate-doctor-bad-\(UUID().uuidString).json")
        try Data("{\"manifest\": {}}".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: DoctorUsageError.invalidSkillPackage(path: file.path, reason: "it has no \"accountLinkingRequest\" object")) {
            try Doctor.parseArguments(["--skill-package", file.path])
        }
    }

    @Test("the usage text names every option and the exit status the command uses")
    func usage() {
        for option in [
            "--skill-package", "--client-secret-file", "SKILLGATE_CLIENT_SECRET", "--authorization-url", "--vendor-id", "--pkce",
            "--code-verifier", "doctor link",
        ] {
            #expect(Doctor.usage.contains(option), "\(option)")
        }
        #expect(Doctor.usage.contains("1 when a check FAILs; 2 for a usage error, or when an endpoint"))
    }
}

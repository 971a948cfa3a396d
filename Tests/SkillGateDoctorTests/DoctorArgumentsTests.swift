import Foundation
import SkillGateDoctor
import Testing

struct DoctorArgumentsTests {
    private let base = [
        "--token-url", "https://auth.example.com/token", "--client-id", "skill", "--client-secret", "secret-ABCD",
    ]

    @Test("a code with its redirect URI parses, with Alexa's default thresholds")
    func codeGrant() throws {
        let options = try Doctor.parseArguments(
            base + ["--code", "C0DE", "--redirect-uri", "https://pitangui.amazon.com/api/skill/link/M1"])
        #expect(options.tokenURL.absoluteString == "https://auth.example.com/token")
        #expect(options.clientID == "skill")
        #expect(options.clientSecret == "secret-ABCD")
        #expect(options.grant == .authorizationCode(code: "C0DE", redirectURI: "https://pitangui.amazon.com/api/skill/link/M1"))
        #expect(options.probeURL == nil)
        #expect(options.outputFormat == .text)
        #expect(options.slowAnswerWarning == .seconds(2))
        #expect(options.slowAnswerFailure == .milliseconds(4500))
        #expect(options.requestTimeout == .seconds(10))
    }

    @Test("a refresh token, a probe, --json and --name=value forms parse")
    func refreshGrant() throws {
        let options = try Doctor.parseArguments(
            [
                "--json", "--token-url=https://auth.example.com/token", "--client-id=skill", "--client-secret=a=b",
                "--refresh-token", "RT", "--probe", "https://api.example.com/me",
            ])
        #expect(options.grant == .refreshToken("RT"))
        #expect(options.clientSecret == "a=b")
        #expect(options.probeURL?.absoluteString == "https://api.example.com/me")
        #expect(options.outputFormat == .json)
    }

    @Test(
        "usage errors name the problem",
        arguments: [
            (["--client-id", "x", "--client-secret", "y", "--refresh-token", "r"], DoctorUsageError.missingOption("--token-url")),
            (["--token-url"], .missingValue(option: "--token-url")),
            (["--token-url", "--client-id", "x"], .missingValue(option: "--token-url")),
            (["--token-url", "ftp://host/token"], .invalidURL(option: "--token-url", value: "ftp://host/token")),
            (["--token-url", "/token"], .invalidURL(option: "--token-url", value: "/token")),
            (["--verbose"], .unknownOption("--verbose")),
            (["--json=yes"], .unexpectedValue(option: "--json")),
            (["--client-id", "a", "--client-id", "b"], .duplicateOption("--client-id")),
            (["--client-id", ""], .emptyValue(option: "--client-id")),
            (["-h"], .helpRequested),
            (["--token-url", "https://a.example/t", "--help"], .helpRequested),
        ])
    func usageErrors(_ arguments: [String], _ expected: DoctorUsageError) {
        #expect(throws: expected) { try Doctor.parseArguments(arguments) }
    }

    @Test("grant combinations are checked")
    func grantCombinations() {
        #expect(throws: DoctorUsageError.missingGrant) { try Doctor.parseArguments(base) }
        #expect(throws: DoctorUsageError.conflictingGrants) {
            try Doctor.parseArguments(base + ["--code", "c", "--redirect-uri", "https://r.example/", "--refresh-token", "r"])
        }
        #expect(throws: DoctorUsageError.missingRedirectURI) { try Doctor.parseArguments(base + ["--code", "c"]) }
        #expect(throws: DoctorUsageError.redirectURIWithoutCode) {
            try Doctor.parseArguments(base + ["--redirect-uri", "https://r.example/", "--refresh-token", "r"])
        }
        #expect(throws: DoctorUsageError.missingOption("--client-secret")) {
            try Doctor.parseArguments(["--token-url", "https://a.example/t", "--client-id", "x", "--refresh-token", "r"])
        }
        #expect(throws: DoctorUsageError.invalidURL(option: "--probe", value: "not a url")) {
            try Doctor.parseArguments(base + ["--refresh-token", "r", "--probe", "not a url"])
        }
    }

    @Test("a stray word is shown shortened, since it may be a secret typed without its option")
    func strayWordIsRedacted() throws {
        do {
            _ = try Doctor.parseArguments(base + ["my-long-secret-value-QRST"])
            Issue.record("expected a usage error")
        } catch {
            #expect(error == .unexpectedArgument("…QRST"))
            #expect(!error.description.contains("my-long-secret"))
        }
    }

    @Test("the usage text names every option")
    func usageText() {
        for option in [
            "--token-url", "--client-id", "--client-secret", "--code", "--redirect-uri", "--refresh-token",
            "--probe", "--ca-file", "--json",
        ] {
            #expect(Doctor.usage.contains(option))
        }
        #expect(Doctor.usage.hasPrefix("Usage: skillgate doctor --token-url URL"))
    }
}

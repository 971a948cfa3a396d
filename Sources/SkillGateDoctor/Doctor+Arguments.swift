import Foundation
import SkillGateLogging
import SkillGateSystem

extension Doctor {
    /// The help text for `skillgate doctor`.
    public static let usage: String = """
        Usage: skillgate doctor --token-url URL --client-id ID --client-secret S \
        (--code C --redirect-uri U | --refresh-token R) [--probe URL] [--ca-file PEM] [--json]

        Calls your OAuth 2.0 token endpoint the way Alexa does and names every account-linking problem it finds,
        with the fix. Use a test account: the doctor spends the code and refreshes the tokens it is given.

          --token-url URL      the Access Token URI from the skill's account-linking settings
          --client-id ID       the client ID configured for the skill
          --client-secret S    the client secret (never printed: only its last 4 characters)
          --code C             a fresh authorization code; it is single-use, so the doctor spends it
          --redirect-uri U     the redirect_uri the code was issued for (one of Alexa's redirect URLs)
          --refresh-token R    start from a refresh token instead of a code
          --probe URL          a resource endpoint that accepts the access token as a Bearer token
          --ca-file PEM        trust the certificate authorities in this PEM file for HTTPS instead of the
                               system's (a private or test CA)
          --json               print a machine-readable report
          -h, --help           show this help

        Exit status: 0 when nothing FAILs; 1 when a check FAILs or the endpoint cannot be reached; 2 for a usage error.
        """

    /// Options that take a value, by name.
    private static let valueOptions: Set<String> = [
        "--token-url", "--client-id", "--client-secret", "--code", "--redirect-uri", "--refresh-token", "--probe",
        "--ca-file",
    ]

    /// Options that take no value.
    private static let flagOptions: Set<String> = ["--json"]

    /// Parses `skillgate doctor`'s arguments (the words after `doctor`) with SkillGateSystem's
    /// `ArgumentScanner`. Values follow their option (`--code C`) or are joined with `=` (`--code=C`).
    /// - Parameter args: the arguments, without the program name and the `doctor` word.
    /// - Returns: options with the default timeouts and thresholds.
    /// - Throws: ``DoctorUsageError`` naming the first problem (or ``DoctorUsageError/helpRequested``).
    public static func parseArguments(_ args: [String]) throws(DoctorUsageError) -> DoctorOptions {
        var scanner = ArgumentScanner(args)
        var values: [String: String] = [:]
        var flags: Set<String> = []
        while let argument = scanner.next() {
            if argument == "-h" || argument == "--help" { throw .helpRequested }
            guard argument.hasPrefix("--") else { throw .unexpectedArgument(redacted(argument)) }
            if flagOptions.contains(argument) {
                do { try scanner.flag(argument) } catch { throw .unexpectedValue(option: argument) }
                guard flags.insert(argument).inserted else { throw .duplicateOption(argument) }
                continue
            }
            guard valueOptions.contains(argument) else { throw .unknownOption(argument) }
            guard values[argument] == nil else { throw .duplicateOption(argument) }
            let value: String
            do { value = try scanner.value(for: argument) } catch { throw .missingValue(option: argument) }
            guard !value.isEmpty else { throw .emptyValue(option: argument) }
            values[argument] = value
        }
        return try options(from: values, json: flags.contains("--json"))
    }

    /// Turns parsed option values into ``DoctorOptions``, checking the combinations.
    private static func options(from values: [String: String], json: Bool) throws(DoctorUsageError) -> DoctorOptions {
        let tokenURL = try httpURL(values, "--token-url")
        guard let clientID = values["--client-id"] else { throw .missingOption("--client-id") }
        guard let clientSecret = values["--client-secret"] else { throw .missingOption("--client-secret") }
        let grant: DoctorOptions.Grant
        switch (values["--code"], values["--redirect-uri"], values["--refresh-token"]) {
        case (.some, _, .some):
            throw .conflictingGrants
        case (.some(let code), .some(let redirectURI), nil):
            guard let url = URL(string: redirectURI), url.scheme != nil else {
                throw .invalidURL(option: "--redirect-uri", value: redirectURI)
            }
            grant = .authorizationCode(code: code, redirectURI: redirectURI)
        case (.some, nil, nil):
            throw .missingRedirectURI
        case (nil, .some, _):
            throw .redirectURIWithoutCode
        case (nil, nil, .some(let refreshToken)):
            grant = .refreshToken(refreshToken)
        case (nil, nil, nil):
            throw .missingGrant
        }
        let probeURL: URL? = values["--probe"] == nil ? nil : try httpURL(values, "--probe")
        return DoctorOptions(
            tokenURL: tokenURL,
            clientID: clientID,
            clientSecret: clientSecret,
            grant: grant,
            probeURL: probeURL,
            outputFormat: json ? .json : .text,
            caFile: values["--ca-file"]
        )
    }

    /// The value of a required URL option, checked to be absolute http(s) with a host.
    private static func httpURL(_ values: [String: String], _ option: String) throws(DoctorUsageError) -> URL {
        guard let text = values[option] else { throw .missingOption(option) }
        guard let url = URL(string: text),
            let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else {
            throw .invalidURL(option: option, value: text)
        }
        return url
    }
}

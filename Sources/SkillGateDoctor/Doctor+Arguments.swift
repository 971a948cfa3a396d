import Foundation
import SkillGateLogging
import SkillGateSystem

extension Doctor {
    /// Options that take a value, by name.
    private static let valueOptions: Set<String> = [
        "--token-url", "--client-id", "--client-secret", "--client-secret-file", "--code", "--redirect-uri",
        "--refresh-token", "--probe", "--ca-file", "--skill-package", "--authorization-url", "--vendor-id",
        "--code-verifier",
    ]

    /// Options that take no value.
    private static let flagOptions: Set<String> = ["--json", "--pkce"]

    /// The environment variable the client secret is read from when no option gives it.
    public static let clientSecretVariable = "SKILLGATE_CLIENT_SECRET"

    /// Parses `skillgate doctor`'s arguments (the words after `doctor`; a first word `link` asks for the
    /// walkthrough) with SkillGateSystem's `ArgumentScanner`. Values follow their option (`--code C`) or are
    /// joined with `=` (`--code=C`).
    /// - Parameters:
    ///   - args: the arguments, without the program name and the `doctor` word.
    ///   - environment: the process environment, for ``clientSecretVariable`` (read by the program's `main`).
    /// - Returns: options with the default timeouts and thresholds.
    /// - Throws: ``DoctorUsageError`` naming the first problem (or ``DoctorUsageError/helpRequested``).
    public static func parseArguments(_ args: [String], environment: [String: String] = [:]) throws(DoctorUsageError)
        -> DoctorOptions
    {
        let walkthrough = args.first == "link"
        var scanner = ArgumentScanner(walkthrough ? Array(args.dropFirst()) : args)
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
        var parsed = ParsedArguments(values: values, flags: flags, environment: environment, walkthrough: walkthrough)
        return try parsed.options()
    }
}

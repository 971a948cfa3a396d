import SkillGateDoctor
import SkillGateLogging
import SkillGateSystem

/// `skillgate doctor`: checks a skill's OAuth 2.0 account linking (settings, TLS, authorization URI, token
/// endpoint) for the failures Amazon's troubleshooting guides describe; `skillgate doctor link` walks through
/// a real login first.
enum DoctorCommand {
    /// The one-line description `skillgate --help` lists.
    static let summary = "Check a skill's OAuth 2.0 account linking (doctor link: a guided login)"

    /// What `--help` adds to the doctor's own usage text: colors.
    static let colorNote = """
        Colors: [PASS] green, [FAIL] red, [WARN] yellow, on a terminal only; --no-color (or NO_COLOR=1)
        turns them off.
        """

    /// The options `doctor` takes, for "did you mean" (its usage text lists them all).
    static let options = [
        "--skill-package", "--token-url", "--client-id", "--authorization-url", "--vendor-id", "--code", "--redirect-uri",
        "--refresh-token", "--pkce", "--code-verifier", "--probe", "--ca-file", "--json", "--client-secret",
        "--client-secret-file", "--no-color", "--help",
    ]

    /// Exit 0 when nothing FAILs, 1 when a check FAILs (a verdict on the server), 2 on a usage
    /// error or when an endpoint could not be reached (a network failure is not a verdict).
    static func run(_ arguments: [String]) async -> Int32 {
        var arguments = arguments
        let colors = TerminalColors(arguments: &arguments, environment: ProcessEnvironment.read())
        let options: DoctorOptions
        do {
            options = try Doctor.parseArguments(arguments, environment: ProcessEnvironment.read())
        } catch .helpRequested {
            print(Doctor.usage + "\n\n" + colorNote)
            return 0
        } catch .unknownOption(let option) {
            let message = ArgumentError.unknownOption(option, known: Self.options).message
            return Console.usageError(arguments.first == "link" ? "doctor link" : "doctor", message)
        } catch {
            return Console.usageError(arguments.first == "link" ? "doctor link" : "doctor", "\(error)")
        }
        let doctor = Doctor(options: options, logger: Logger(label: "skillgate doctor", logLevel: .warning))
        let report: DoctorReport
        if options.walkthrough {
            // The instructions go to stderr when the report is JSON, so standard output stays one document.
            let json = options.outputFormat == .json
            report = await doctor.link(
                readLine: { Swift.readLine(strippingNewline: true) },
                write: { text in StandardStreams.write(Array(text.utf8), to: json ? 2 : 1) })
        } else {
            report = await doctor.run()
        }
        let rendered = report.render(options.outputFormat)
        print(options.outputFormat == .json ? rendered : colors.paint(rendered), terminator: "")
        if report.hasServerFailures { return 1 }
        return report.hasNetworkErrors ? 2 : 0
    }
}

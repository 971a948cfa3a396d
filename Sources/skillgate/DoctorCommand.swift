import SkillGateDoctor
import SkillGateLogging
import SkillGateSystem

/// `skillgate doctor`: checks a skill's OAuth 2.0 account linking (settings, TLS, authorization URI, token
/// endpoint) for the failures Amazon's troubleshooting guides describe; `skillgate doctor link` walks through
/// a real login first.
enum DoctorCommand {
    static let summary = "Check a skill's OAuth 2.0 account linking (doctor link: a guided login)"

    /// Exit 0 when nothing FAILs, 1 when a check FAILs (a verdict on the server), 2 on a usage
    /// error or when an endpoint could not be reached (a network failure is not a verdict).
    static func run(_ arguments: [String]) async -> Int32 {
        let options: DoctorOptions
        do {
            options = try Doctor.parseArguments(arguments, environment: ProcessEnvironment.read())
        } catch .helpRequested {
            print(Doctor.usage)
            return 0
        } catch {
            Console.error("skillgate doctor: \(error)\n\n\(Doctor.usage)")
            return 2
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
        print(report.render(options.outputFormat), terminator: "")
        if report.hasServerFailures { return 1 }
        return report.hasNetworkErrors ? 2 : 0
    }
}

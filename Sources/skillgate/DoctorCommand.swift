import SkillGateDoctor
import SkillGateLogging

/// `skillgate doctor`: checks an OAuth 2.0 token endpoint for the account-linking failures
/// Amazon's troubleshooting guides describe.
enum DoctorCommand {
    static let summary = "Check an OAuth 2.0 token endpoint for account-linking problems"

    /// Exit 0 when nothing FAILs, 1 when a check FAILs (a verdict on the server), 2 on a usage
    /// error or when the endpoint could not be reached (a network failure is not a verdict).
    static func run(_ arguments: [String]) async -> Int32 {
        let options: DoctorOptions
        do {
            options = try Doctor.parseArguments(arguments)
        } catch .helpRequested {
            print(Doctor.usage)
            return 0
        } catch {
            Console.error("skillgate doctor: \(error)\n\n\(Doctor.usage)")
            return 2
        }
        let report = await Doctor(options: options, logger: Logger(label: "skillgate doctor", logLevel: .warning)).run()
        print(report.render(options.outputFormat), terminator: "")
        if report.hasServerFailures { return 1 }
        return report.hasNetworkErrors ? 2 : 0
    }
}

public import SkillGateLogging
import FoundationEssentials

/// The engine behind `skillgate doctor`: checks a skill's account linking the way Alexa uses it (the skill
/// package's settings, TLS, the authorization URI and login page, the token endpoint) and names every
/// failure Amazon's requirements and troubleshooting guides describe, with the fix.
///
/// ```swift
/// let options = try Doctor.parseArguments(arguments, environment: ProcessEnvironment.read())
/// let report = await Doctor(options: options, logger: logger).run()  // or .link(readLine:write:)
/// print(report.render(options.outputFormat), terminator: "")
/// exit(report.hasServerFailures ? 1 : report.hasNetworkErrors ? 2 : 0)
/// ```
/// The calls it makes, in order, are documented on `DoctorRun`: a TLS handshake per HTTPS server, the
/// authorization request (redirects followed), a code exchange (the code is spent), up to four refreshes,
/// two deliberately bad requests, and two probes of the resource endpoint with `--probe`.
public struct Doctor: Sendable {
    /// What to check.
    public let options: DoctorOptions
    /// Receives a line per call at debug level (secrets never appear).
    public let logger: Logger

    /// Creates a doctor.
    /// - Parameters:
    ///   - options: the endpoint, credentials, grant and thresholds.
    ///   - logger: where progress goes.
    public init(options: DoctorOptions, logger: Logger) {
        self.options = options
        self.logger = logger
    }

    /// Runs every check. Never throws: a network failure becomes an ERROR verdict in the report.
    /// - Returns: one result per ``CheckID``, with every secret shortened to its last four characters.
    public func run() async -> DoctorReport {
        await run(authorizationRequest: AuthorizationRequest(options), link: nil)
    }

    /// Runs every check with this authorization request (the walkthrough's, whose URL was printed) and the
    /// walkthrough's observation, if any.
    func run(authorizationRequest: AuthorizationRequest?, link: LinkObservation?) async -> DoctorReport {
        let client = DoctorHTTPClient(timeout: options.requestTimeout, caFile: options.caFile, defaultURL: options.tokenURL)
        defer { client.close() }
        var run = DoctorRun(options: options, client: client, logger: logger, authorizationRequest: authorizationRequest)
        run.observations.link = link
        await run.perform()
        let scrubber = SecretScrubber(secrets: run.secrets + (link?.secrets ?? []), clientID: options.clientID)
        let checks = Diagnosis(options: options, observations: run.observations).checks().map { scrubber.finish($0) }
        return DoctorReport(
            tokenURL: scrubber.finish(options.tokenURL.absoluteString),
            clientID: scrubber.finish(options.clientID),
            clientSecret: options.clientSecret.isEmpty ? "(none)" : redacted(options.clientSecret),
            grant: scrubber.finish(options.grant.redactedDescription),
            checks: checks
        )
    }
}

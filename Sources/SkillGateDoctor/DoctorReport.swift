/// What a doctor run found: one ``CheckResult`` per check, in a fixed order.
public struct DoctorReport: Sendable, Equatable {
    /// The token endpoint that was checked.
    public let tokenURL: String
    /// The client ID that was used.
    public let clientID: String
    /// The client secret, shortened to its last four characters.
    public let clientSecret: String
    /// The grant the run started from, with its secret shortened to the last four characters.
    public let grant: String
    /// Every check, in ``CheckID`` order.
    public let checks: [CheckResult]

    /// Creates a report.
    /// - Parameters:
    ///   - tokenURL: the token endpoint that was checked.
    ///   - clientID: the client ID.
    ///   - clientSecret: the client secret, already shortened with `redacted(_:)`.
    ///   - grant: a redacted description of the starting grant.
    ///   - checks: the results.
    public init(tokenURL: String, clientID: String, clientSecret: String, grant: String, checks: [CheckResult]) {
        self.tokenURL = tokenURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.grant = grant
        self.checks = checks
    }

    /// True when a check FAILed, or when the endpoint could not be reached (ERROR): a run that could not
    /// check the server is not a clean bill of health. The command line exits 1 for a FAIL and 2 for an
    /// ERROR alone (``hasServerFailures``, ``hasNetworkErrors``).
    public var hasFailures: Bool {
        checks.contains { $0.verdict == .fail || $0.verdict == .error }
    }

    /// True when a check FAILed: a verdict on the server itself.
    public var hasServerFailures: Bool { checks.contains { $0.verdict == .fail } }

    /// True when the endpoint (or the probe) could not be reached.
    public var hasNetworkErrors: Bool { checks.contains { $0.verdict == .error } }

    /// The result of one check, if the report has it.
    /// - Parameter id: the check.
    public subscript(id: CheckID) -> CheckResult? { checks.first { $0.id == id } }

    /// How many checks ended with a verdict.
    /// - Parameter verdict: the verdict to count.
    public func count(of verdict: CheckVerdict) -> Int { checks.count { $0.verdict == verdict } }

    /// The report in the requested format.
    /// - Parameter format: text or JSON.
    public func render(_ format: DoctorOptions.OutputFormat) -> String {
        switch format {
        case .text: renderText()
        case .json: renderJSON()
        }
    }
}

/// The outcome of one doctor check.
public enum CheckVerdict: String, Sendable, Codable, CaseIterable {
    /// The server does what Alexa needs.
    case pass = "PASS"
    /// Linking works, but something will hurt users or is against Amazon's recommendations.
    case warn = "WARN"
    /// Account linking breaks (for some or all users).
    case fail = "FAIL"
    /// Not a verdict: a reminder, or a check that could not be run with the given options.
    case info = "INFO"
    /// The server could not be reached (connection refused, DNS, TLS, timeout): no verdict on the server.
    case error = "ERROR"
}

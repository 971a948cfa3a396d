import Foundation

extension DoctorReport {
    /// The report as JSON:
    /// `{"tokenURL", "clientID", "clientSecret" (redacted), "grant", "hasFailures", "summary": {"PASS": n, …}, "conclusion",
    /// "checks": [{"id", "title", "verdict", "reason", "fix"}]}` with sorted keys. Secrets appear only as their
    /// last four characters.
    public func renderJSON() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = JSONDocument(
            tokenURL: tokenURL,
            clientID: clientID,
            clientSecret: clientSecret,
            grant: grant,
            hasFailures: hasFailures,
            summary: Dictionary(uniqueKeysWithValues: CheckVerdict.allCases.map { ($0.rawValue, count(of: $0)) }),
            conclusion: conclusion,
            checks: checks
        )
        do {
            return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
        } catch {
            // Encoding strings, numbers and booleans cannot fail; still, answer with valid JSON that says so.
            return "{\"error\": \"the report could not be encoded\", \"hasFailures\": true}\n"
        }
    }
}

/// The shape of the JSON report.
private struct JSONDocument: Encodable {
    let tokenURL: String
    let clientID: String
    let clientSecret: String
    let grant: String
    let hasFailures: Bool
    let summary: [String: Int]
    let conclusion: String
    let checks: [CheckResult]
}

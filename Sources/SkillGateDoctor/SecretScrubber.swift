import Foundation
import SkillGateLogging

/// Replaces every secret the run handled with its redacted form (last four characters), wherever a server
/// may have echoed one into a reason.
struct SecretScrubber {
    /// Secrets long enough to matter, longest first (so a secret containing another is replaced whole).
    private let secrets: [String]

    /// Creates a scrubber.
    /// - Parameter secrets: the secrets; ones shorter than 5 characters are ignored (their redacted form would
    ///   show them whole anyway, and replacing them would mangle ordinary words).
    init(secrets: [String]) {
        self.secrets = Set(secrets.filter { $0.count >= 5 }).sorted { $0.count > $1.count }
    }

    /// The text with every secret redacted.
    func scrub(_ text: String) -> String {
        secrets.reduce(text) { text, secret in
            text.contains(secret) ? text.replacingOccurrences(of: secret, with: redacted(secret)) : text
        }
    }

    /// The result with every secret redacted from its reason and fix.
    func scrub(_ result: CheckResult) -> CheckResult {
        CheckResult(result.id, result.verdict, scrub(result.reason), fix: result.fix.map { scrub($0) })
    }
}

import Foundation
import SkillGateLogging

/// Replaces every secret the run handled with its redacted form (last four characters), wherever a server
/// may have echoed one: literally, percent- or form-encoded, JSON-escaped, in base64 or base64url, or inside
/// HTTP Basic credentials; and removes any 8-character piece of a secret that is left.
///
/// Use ``finish(_:)`` on every line that is printed: it scrubs first and only then shortens the server's
/// own text (marked with ``ServerText/quote(_:)``), so a cut can never leave part of a secret behind.
struct SecretScrubber: Sendable {
    /// A piece of a secret this long or longer is never printed.
    static let pieceLength = 8
    /// What replaces a piece of a secret (not the whole secret, whose replacement is its last 4 characters).
    static let pieceMarker = "[redacted]"

    /// Encoded forms of whole secrets and what replaces each, longest first.
    private let replacements: [(encoded: String, marker: String)]
    /// The secrets whose pieces are looked for.
    private let secrets: [[Character]]

    /// Creates a scrubber.
    /// - Parameters:
    ///   - secrets: the secrets; ones shorter than 5 characters are ignored (their redacted form would show
    ///     them whole anyway, and replacing them would mangle ordinary words).
    ///   - clientID: the client ID, for the encodings of HTTP Basic credentials (`id:secret`).
    init(secrets: [String], clientID: String = "") {
        let kept = Set(secrets.filter { $0.count >= 5 })
        var replacements: [String: String] = [:]
        for secret in kept {
            let marker = ServerText.marker(redacted(secret))
            for encoded in SecretEncoder.encodings(of: secret, clientID: clientID) where encoded.count >= 5 {
                replacements[encoded] = replacements[encoded] ?? marker
            }
        }
        self.replacements = replacements.map { ($0.key, $0.value) }.sorted { $0.encoded.count > $1.encoded.count }
        self.secrets = kept.filter { $0.count >= Self.pieceLength }.map(Array.init)
    }

    /// The text with every encoding of every secret, and every piece of one, replaced by a marker.
    /// Markers stay delimited (see ``ServerText``) until ``finish(_:)``.
    func scrub(_ text: String) -> String {
        var result = text
        for (encoded, marker) in replacements where result.contains(encoded) {
            result = result.replacingOccurrences(of: encoded, with: marker)
        }
        return removingPieces(result, delimited: true)
    }

    /// A printable line: scrubbed, server text shortened without cutting through a marker, delimiters gone,
    /// and scrubbed once more in case removing them joined pieces.
    func finish(_ text: String) -> String {
        removingPieces(ServerText.finish(scrub(text)), delimited: false)
    }

    /// The result with every secret redacted from its reason and fix.
    func finish(_ result: CheckResult) -> CheckResult {
        CheckResult(result.id, result.verdict, finish(result.reason), fix: result.fix.map { finish($0) })
    }

    /// Replaces every run of at least ``pieceLength`` characters that occurs in a secret, with the marker
    /// delimited or not.
    private func removingPieces(_ text: String, delimited: Bool) -> String {
        guard !secrets.isEmpty, text.count >= Self.pieceLength else { return text }
        let characters = Array(text)
        var output = ""
        var index = 0
        while index < characters.count {
            let run = secrets.map { Self.longestRun(in: characters, at: index, within: $0) }.max() ?? 0
            if run >= Self.pieceLength {
                output += delimited ? ServerText.marker(Self.pieceMarker) : Self.pieceMarker
                index += run
            } else {
                output.append(characters[index])
                index += 1
            }
        }
        return output
    }

    /// The length of the longest run of `text` starting at `start` that occurs somewhere in `secret`.
    private static func longestRun(in text: [Character], at start: Int, within secret: [Character]) -> Int {
        var best = 0
        for offset in secret.indices where secret[offset] == text[start] {
            var length = 0
            while start + length < text.count, offset + length < secret.count, text[start + length] == secret[offset + length] {
                length += 1
            }
            best = max(best, length)
        }
        return best
    }
}

import SkillGateLogging

/// Replaces every secret the run handled with its redacted form (last four characters), wherever a server
/// may have echoed one: literally, percent- or form-encoded, JSON-escaped, in base64 or base64url, or inside
/// HTTP Basic credentials; and removes any 8-character piece of a secret (or of one of those encodings) that
/// is left.
///
/// Use ``finish(_:)`` on every line that is printed: it scrubs first and only then shortens the server's
/// own text (marked with ``ServerText/quote(_:)``), so a cut can never leave part of a secret behind.
/// It works on UTF-8 bytes and first looks each line up 8 bytes at a time in a hash set, so lines that hold
/// no secret (nearly all) cost one pass.
struct SecretScrubber: Sendable {
    /// A piece of a secret this long or longer (in bytes, so in characters too) is never printed.
    static let pieceLength = 8
    /// What replaces a piece of a secret (not the whole secret, whose replacement is its last 4 characters).
    static let pieceMarker = "[redacted]"

    /// Encoded forms of whole secrets and what replaces each, longest first.
    private let replacements: [(encoded: [UInt8], marker: String)]
    /// Every 8-byte window of every encoding of every secret.
    private let windows: Set<UInt64>
    /// Whether some encoding is shorter than a window (then whole-secret replacement cannot be skipped).
    private let hasShortEncodings: Bool

    /// Creates a scrubber.
    /// - Parameters:
    ///   - secrets: the secrets; ones shorter than 5 characters are ignored (their redacted form would show
    ///     them whole anyway, and replacing them would mangle ordinary words).
    ///   - clientID: the client ID, for the encodings of HTTP Basic credentials (`id:secret`).
    init(secrets: [String], clientID: String = "") {
        var replacements: [String: String] = [:]
        for secret in Set(secrets.filter { $0.count >= 5 }) {
            let marker = redacted(secret)
            for encoded in SecretEncoder.encodings(of: secret, clientID: clientID) where encoded.count >= 5 {
                replacements[encoded] = replacements[encoded] ?? marker
            }
        }
        self.replacements = replacements.map { (Array($0.key.utf8), $0.value) }.sorted { $0.encoded.count > $1.encoded.count }
        var windows: Set<UInt64> = []
        for (encoded, _) in self.replacements where encoded.count >= Self.pieceLength {
            for start in 0...(encoded.count - Self.pieceLength) { windows.insert(Self.window(encoded, at: start)) }
        }
        self.windows = windows
        hasShortEncodings = self.replacements.contains { $0.encoded.count < Self.pieceLength }
    }

    /// The text with every encoding of every secret, and every piece of one, replaced by a marker.
    /// Markers stay delimited (see ``ServerText``) until ``finish(_:)``.
    func scrub(_ text: String) -> String { scrub(text, delimited: true) }

    /// A printable line: scrubbed, server text shortened without cutting through a marker, delimiters gone,
    /// and scrubbed once more in case removing them joined pieces.
    func finish(_ text: String) -> String {
        scrub(ServerText.finish(scrub(text, delimited: true)), delimited: false)
    }

    /// The result with every secret redacted from its reason, fix and evidence.
    func finish(_ result: CheckResult) -> CheckResult {
        CheckResult(
            result.id, result.verdict, finish(result.reason), fix: result.fix.map { finish($0) },
            evidence: result.evidence.map { finish($0) })
    }

    private func scrub(_ text: String, delimited: Bool) -> String {
        var bytes = Array(text.utf8)
        guard hasShortEncodings || containsWindow(bytes) else { return text }
        for (encoded, marker) in replacements {
            bytes = Self.replacing(encoded, in: bytes, with: Array((delimited ? ServerText.marker(marker) : marker).utf8))
        }
        bytes = removingPieces(bytes, marker: Array((delimited ? ServerText.marker(Self.pieceMarker) : Self.pieceMarker).utf8))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether any 8-byte window of `bytes` is a window of a secret.
    private func containsWindow(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= Self.pieceLength else { return false }
        return (0...(bytes.count - Self.pieceLength)).contains { windows.contains(Self.window(bytes, at: $0)) }
    }

    /// Replaces every run of consecutive secret windows (at least 8 bytes, widened to whole characters).
    private func removingPieces(_ bytes: [UInt8], marker: [UInt8]) -> [UInt8] {
        guard bytes.count >= Self.pieceLength else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard index + Self.pieceLength <= bytes.count, windows.contains(Self.window(bytes, at: index)) else {
                output.append(bytes[index])
                index += 1
                continue
            }
            var end = index + Self.pieceLength
            while end < bytes.count, windows.contains(Self.window(bytes, at: end - Self.pieceLength + 1)) { end += 1 }
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            if bytes[index] & 0xC0 == 0x80 {  // the run starts inside a character: drop that character's first bytes
                while let last = output.popLast(), last & 0xC0 == 0x80 {}
            }
            output += marker
            index = end
        }
        return output
    }

    /// `bytes` with every occurrence of `needle` replaced.
    private static func replacing(_ needle: [UInt8], in bytes: [UInt8], with replacement: [UInt8]) -> [UInt8] {
        guard needle.count <= bytes.count, let first = needle.first else { return bytes }
        var output: [UInt8] = []
        var index = 0
        var changed = false
        while index < bytes.count {
            if bytes[index] == first, index + needle.count <= bytes.count, bytes[index..<index + needle.count].elementsEqual(needle) {
                output += replacement
                index += needle.count
                changed = true
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return changed ? output : bytes
    }

    /// Eight bytes from `start` as one number.
    private static func window(_ bytes: [UInt8], at start: Int) -> UInt64 {
        var value: UInt64 = 0
        for offset in 0..<pieceLength { value = value << 8 | UInt64(bytes[start + offset]) }
        return value
    }
}

/// Text a server supplied (an `error_description`, a `Location`, a field value), marked where it is put into a
/// reason so that it is shortened only after the whole line has been scrubbed of secrets.
///
/// ``quote(_:)`` wraps the text in private-use delimiters; ``SecretScrubber`` wraps each redaction marker in
/// others; ``finish(_:)`` shortens each quoted stretch to one short line without cutting through a marker, and
/// removes every delimiter.
enum ServerText {
    /// The longest quoted stretch shown whole; a longer one is cut to ``keptLength`` characters and `…`.
    static let maximumLength = 120
    /// How much of a longer stretch is kept.
    static let keptLength = 117

    private static let quoteStart: Character = "\u{E000}"
    private static let quoteEnd: Character = "\u{E001}"
    private static let markerStart: Character = "\u{E002}"
    private static let markerEnd: Character = "\u{E003}"
    private static let delimiters: Set<Character> = [quoteStart, quoteEnd, markerStart, markerEnd]

    /// Marks server text for shortening, with control characters made spaces and any delimiter it carried
    /// removed.
    /// - Parameter text: what the server sent.
    static func quote(_ text: String) -> String {
        var cleaned = ""
        for scalar in text.unicodeScalars where !delimiters.contains(Character(scalar)) {
            cleaned.unicodeScalars.append(scalar.properties.generalCategory == .control ? " " : scalar)
        }
        return String(quoteStart) + cleaned + String(quoteEnd)
    }

    /// A redaction marker, delimited so that ``finish(_:)`` keeps it whole.
    /// - Parameter text: the marker, e.g. `…WXYZ`.
    static func marker(_ text: String) -> String { String(markerStart) + text + String(markerEnd) }

    /// The line with each quoted stretch shortened (a cut that would fall inside a marker falls before it)
    /// and every delimiter removed.
    static func finish(_ text: String) -> String {
        var output = ""
        var stretch: [Character]?
        for character in text {
            switch character {
            case quoteStart:
                stretch = []
            case quoteEnd:
                output += shortened(stretch ?? [])
                stretch = nil
            default:
                if stretch != nil { stretch?.append(character) } else { output.append(character) }
            }
        }
        if let stretch { output += shortened(stretch) }
        return String(output.filter { !delimiters.contains($0) })
    }

    /// One quoted stretch (which may hold markers), at most ``maximumLength`` visible characters.
    private static func shortened(_ characters: [Character]) -> String {
        let visible = characters.filter { !delimiters.contains($0) }.count
        guard visible > maximumLength else { return String(characters) }
        var kept = ""
        var count = 0
        var pendingMarker: String?
        for character in characters {
            if character == markerStart {
                pendingMarker = ""
                continue
            }
            if character == markerEnd, let marker = pendingMarker {
                guard count + marker.count <= keptLength else { break }
                kept += marker
                count += marker.count
                pendingMarker = nil
                continue
            }
            if pendingMarker != nil {
                pendingMarker?.append(character)
                continue
            }
            guard count < keptLength else { break }
            kept.append(character)
            count += 1
        }
        return kept + "…"
    }
}

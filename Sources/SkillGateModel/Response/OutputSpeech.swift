/// What Alexa says: plain text, or SSML markup.
public enum OutputSpeech: Sendable, Hashable {
    /// Plain text, spoken as written.
    case plainText(String)
    /// SSML markup, wrapped in `<speak>…</speak>`.
    case ssml(String)

    /// The text or markup, for limit checks and transcripts.
    public var content: String {
        switch self {
        case .plainText(let text): text
        case .ssml(let markup): markup
        }
    }

    /// Writes the `outputSpeech` object.
    /// - Parameter writer: the JSON writer.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        switch self {
        case .plainText(let text):
            writer.member("type", "PlainText")
            writer.member("text", text)
        case .ssml(let markup):
            writer.member("type", "SSML")
            writer.member("ssml", markup)
        }
        writer.endObject()
    }
}

/// Escapes text for SSML/XML: `&`, `<`, `>`, `"` and `'`.
/// - Parameter text: plain text.
/// - Returns: text safe to place inside SSML.
public func xmlEscaped(_ text: String) -> String {
    var needsEscaping = false
    for byte in text.utf8 where byte == 38 || byte == 60 || byte == 62 || byte == 34 || byte == 39 {
        needsEscaping = true
        break
    }
    guard needsEscaping else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count + 16)
    for character in text.unicodeScalars {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&apos;"
        default: result.unicodeScalars.append(character)
        }
    }
    return result
}

import SkillGateHTTP

/// `application/x-www-form-urlencoded`, as RFC 6749 Appendix B uses it for request bodies and for the
/// client ID and secret inside HTTP Basic credentials (§2.3.1).
enum FormURLEncoding {
    /// Encodes pairs as `name=value&…`.
    /// - Parameter pairs: names and values, in order.
    static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&")
    }

    /// Escapes one name or value: letters, digits and `*-._` stay, a space becomes `+`, every other UTF-8 byte
    /// becomes `%XX`.
    /// - Parameter text: the text to escape.
    static func escape(_ text: String) -> String {
        PercentEncoding.encode(text, keeping: .form)
    }

    /// Decodes `name=value&…`; nil when the text does not look form-encoded (a piece without `=`, or
    /// white space or markup, which form encoding never contains).
    /// - Parameter text: the encoded text.
    static func decode(_ text: String) -> [(String, String)]? {
        var trimmed = Substring(text)
        while let last = trimmed.last, last == "\n" || last == "\r" || last == "\r\n" { trimmed = trimmed.dropLast() }
        guard !trimmed.isEmpty, !trimmed.contains(where: { $0 == " " || $0 == "\n" || $0 == "<" || $0 == "{" })
        else { return nil }
        var pairs: [(String, String)] = []
        for piece in trimmed.split(separator: "&", omittingEmptySubsequences: true) {
            guard let equals = piece.firstIndex(of: "="), equals != piece.startIndex else { return nil }
            pairs.append((unescape(piece[..<equals]), unescape(piece[piece.index(after: equals)...])))
        }
        return pairs.isEmpty ? nil : pairs
    }

    /// Reverses ``escape(_:)``: `+` is a space, `%XX` a byte; a malformed escape is kept as it is.
    /// - Parameter text: one encoded name or value.
    static func unescape(_ text: Substring) -> String {
        PercentEncoding.decode(text, plusIsSpace: true)
    }
}

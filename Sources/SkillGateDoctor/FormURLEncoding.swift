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
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "*"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"):
                bytes.append(byte)
            case UInt8(ascii: " "):
                bytes.append(UInt8(ascii: "+"))
            default:
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
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
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), iterator.count >= 2,
                let high = hexValue(iterator[iterator.startIndex]),
                let low = hexValue(iterator[iterator.startIndex + 1])
            {
                bytes.append(high << 4 | low)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

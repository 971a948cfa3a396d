/// Percent-encoding (RFC 3986 §2.1) with upper-case hex digits, and the character classes URLs are
/// made of: one implementation for form bodies (the doctor), Signature Version 4's canonical
/// requests (DynamoDB) and certificate-chain URLs (verification).
package enum PercentEncoding {
    /// Which bytes stay as they are; every other byte becomes `%XX`.
    package enum Kept: Sendable {
        /// RFC 3986 unreserved characters: `A-Z a-z 0-9 - . _ ~` (what Signature Version 4 keeps).
        case unreserved
        /// `application/x-www-form-urlencoded`: `A-Z a-z 0-9 * - . _`, and a space becomes `+`.
        case form
        /// A URL path: RFC 3986 `pchar` (unreserved, sub-delimiters, `:` and `@`) and `/`.
        case path
    }

    /// Appends `bytes`, percent-encoding every byte `kept` does not keep.
    /// - Parameters:
    ///   - bytes: the raw bytes, e.g. a string's UTF-8.
    ///   - kept: which bytes stay as they are.
    ///   - output: where to append.
    package static func append(_ bytes: some Sequence<UInt8>, keeping kept: Kept, to output: inout [UInt8]) {
        for byte in bytes {
            if keeps(byte, kept) {
                output.append(byte)
            } else if kept == .form, byte == UInt8(ascii: " ") {
                output.append(UInt8(ascii: "+"))
            } else {
                output += [UInt8(ascii: "%"), hexDigit(byte >> 4), hexDigit(byte & 0x0F)]
            }
        }
    }

    /// `text` percent-encoded.
    /// - Parameters:
    ///   - text: the text; its UTF-8 bytes are encoded.
    ///   - kept: which bytes stay as they are.
    /// - Returns: the encoded text.
    package static func encode(_ text: String, keeping kept: Kept) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        append(text.utf8, keeping: kept, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes `%XX` escapes (and, for form encoding, `+` as a space).
    /// - Parameters:
    ///   - bytes: the encoded bytes.
    ///   - plusIsSpace: whether `+` stands for a space, as in form encoding.
    /// - Returns: the decoded bytes, a malformed escape kept as it is; and whether there was one.
    package static func decode(_ bytes: some Collection<UInt8>, plusIsSpace: Bool = false) -> (bytes: [UInt8], malformed: Bool) {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var malformed = false
        var rest = bytes[...]
        while let byte = rest.popFirst() {
            if byte == UInt8(ascii: "%") {
                let pair = Array(rest.prefix(2))
                if pair.count == 2, let high = hexValue(pair[0]), let low = hexValue(pair[1]) {
                    decoded.append(high << 4 | low)
                    rest = rest.dropFirst(2)
                } else {
                    malformed = true
                    decoded.append(byte)
                }
            } else {
                decoded.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            }
        }
        return (decoded, malformed)
    }

    /// `text` with its `%XX` escapes decoded; a malformed escape is kept as it is.
    /// - Parameters:
    ///   - text: the encoded text.
    ///   - plusIsSpace: whether `+` stands for a space, as in form encoding.
    /// - Returns: the decoded text (invalid UTF-8 repaired).
    package static func decode(_ text: some StringProtocol, plusIsSpace: Bool = false) -> String {
        String(decoding: decode(text.utf8, plusIsSpace: plusIsSpace).bytes, as: UTF8.self)
    }

    /// The value of a hex digit (either case), nil for any other byte.
    /// - Parameter byte: an ASCII byte.
    /// - Returns: 0 to 15, or nil.
    package static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// RFC 3986 `unreserved`: `A-Z a-z 0-9 - . _ ~`.
    /// - Parameter byte: a byte.
    /// - Returns: whether it is unreserved.
    package static func isUnreserved(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "~")
    }

    /// RFC 3986 `sub-delims`: `! $ & ' ( ) * + , ; =`.
    /// - Parameter byte: a byte.
    /// - Returns: whether it is a sub-delimiter.
    package static func isSubDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="):
            true
        default:
            false
        }
    }

    /// RFC 3986 `gen-delims`: `: / ? # [ ] @`.
    /// - Parameter byte: a byte.
    /// - Returns: whether it is a general delimiter.
    package static func isGeneralDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: "@"):
            true
        default:
            false
        }
    }

    private static func keeps(_ byte: UInt8, _ kept: Kept) -> Bool {
        switch kept {
        case .unreserved:
            isUnreserved(byte)
        case .form:
            isAlphanumeric(byte) || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "_")
        case .path:
            isUnreserved(byte) || isSubDelimiter(byte) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "@")
                || byte == UInt8(ascii: "/")
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }
}

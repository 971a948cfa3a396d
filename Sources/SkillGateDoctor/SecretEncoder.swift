import Foundation
import SkillGateHTTP

/// The forms in which a server may echo a secret it was sent: the doctor scrubs every one of them.
enum SecretEncoder {
    /// The secret literally; percent-encoded (RFC 3986 unreserved characters kept) and form-encoded (`+` for
    /// a space), each with upper- and lower-case hex; JSON-escaped (with and without `\/`, non-ASCII kept or
    /// as `\uXXXX`); and base64 and base64url, padded or not, of the secret and of HTTP Basic's `id:secret`
    /// (raw and with both parts form-encoded, as RFC 6749 §2.3.1 sends them).
    /// - Parameters:
    ///   - secret: the secret.
    ///   - clientID: the client ID the secret may be paired with in HTTP Basic credentials.
    static func encodings(of secret: String, clientID: String) -> Set<String> {
        var result: Set<String> = [secret]
        for encoded in [percentEncoded(secret), FormURLEncoding.escape(secret)] {
            result.insert(encoded)
            result.insert(lowercasingHex(encoded))
        }
        for encoded in [jsonEscaped(secret, asciiOnly: false), jsonEscaped(secret, asciiOnly: true)] {
            result.insert(encoded)
            result.insert(encoded.replacingOccurrences(of: "/", with: "\\/"))
            result.insert(uppercasingUnicodeEscapes(encoded))
        }
        let pairs = [
            secret, clientID + ":" + secret, FormURLEncoding.escape(clientID) + ":" + FormURLEncoding.escape(secret),
        ]
        for pair in pairs { result.formUnion(base64Forms(Array(pair.utf8))) }
        return result
    }

    /// Standard base64 and base64url, with and without `=` padding.
    static func base64Forms(_ bytes: [UInt8]) -> [String] {
        let standard = Data(bytes).base64EncodedString()
        let url = standard.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        return [standard, url].flatMap { [$0, String($0.prefix { $0 != "=" })] }
    }

    /// Every UTF-8 byte but RFC 3986's unreserved characters as `%XX` (upper-case hex).
    static func percentEncoded(_ text: String) -> String {
        PercentEncoding.encode(text, keeping: .unreserved)
    }

    /// The text as inside a JSON string, as SkillGate's own JSON string escaping writes it (`"`, `\` and
    /// control characters escaped); with `asciiOnly`, also every character past `~` as `\uXXXX` (lower-case
    /// hex, UTF-16 surrogate pairs beyond the BMP), as ASCII-only encoders write them.
    static func jsonEscaped(_ text: String, asciiOnly: Bool) -> String {
        var bytes: [UInt8] = []
        JSONString.appendEscaped(text, to: &bytes)
        let escaped = String(decoding: bytes, as: UTF8.self)
        guard asciiOnly else { return escaped }
        var output = ""
        for scalar in escaped.unicodeScalars {
            guard scalar.value > 0x7E else {
                output.unicodeScalars.append(scalar)
                continue
            }
            for unit in String(scalar).utf16 {
                output += "\\u" + hex(UInt8(unit >> 8)).lowercased() + hex(UInt8(unit & 0xFF)).lowercased()
            }
        }
        return output
    }

    /// Two upper-case hex digits.
    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    /// `%2f` for `%2F`.
    private static func lowercasingHex(_ text: String) -> String {
        rewritingEscapes(text, introducer: "%", length: 2) { $0.lowercased() }
    }

    /// `\u00C4` for `\u00c4`.
    private static func uppercasingUnicodeEscapes(_ text: String) -> String {
        rewritingEscapes(text, introducer: "\\u", length: 4) { $0.uppercased() }
    }

    /// Rewrites the `length` characters after each `introducer`.
    private static func rewritingEscapes(_ text: String, introducer: String, length: Int, _ rewrite: (String) -> String) -> String {
        var output = ""
        var rest = Substring(text)
        while let range = rest.range(of: introducer) {
            output += rest[..<range.upperBound]
            let digits = rest[range.upperBound...].prefix(length)
            output += rewrite(String(digits))
            rest = rest[range.upperBound...].dropFirst(digits.count)
        }
        return output + rest
    }
}

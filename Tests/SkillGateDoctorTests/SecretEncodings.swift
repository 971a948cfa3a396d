import Foundation

/// Every way a server may echo a secret, computed here with Foundation independently of the doctor's own
/// encoders, and the leak detector the marker tests use.
enum SecretEncodings {
    /// The secret literally, percent-encoded (upper and lower case hex), form-encoded (`+` for a space),
    /// JSON-escaped (with and without `\/`), and base64 and base64url (with and without padding).
    static func all(_ secret: String) -> [String: String] {
        let percent = secret.addingPercentEncoding(withAllowedCharacters: unreserved) ?? secret
        let form = percentForm(secret)
        var encodings: [String: String] = [
            "literal": secret,
            "percent-upper": percent,
            "percent-lower": lowerHex(percent),
            "form": form,
            "form-lower": lowerHex(form),
            "json": json(secret),
            "json-slash": json(secret).replacingOccurrences(of: "/", with: "\\/"),
        ]
        for (name, value) in base64(Data(secret.utf8)) { encodings[name] = value }
        return encodings
    }

    /// The encodings of HTTP Basic credentials: base64 of `id:secret`, raw and with both parts form-encoded.
    static func basic(clientID: String, secret: String) -> [String: String] {
        var encodings: [String: String] = [:]
        for (name, value) in base64(Data("\(clientID):\(secret)".utf8)) { encodings["pair-" + name] = value }
        for (name, value) in base64(Data("\(percentForm(clientID)):\(percentForm(secret))".utf8)) {
            encodings["form-pair-" + name] = value
        }
        return encodings
    }

    /// The first 8-character piece of `secret` found in `output`, if any.
    static func leak(of secret: String, in output: String) -> String? {
        Output(output).leak(of: secret)
    }

    /// An output with every 8-byte window in a set, so looking for many pieces stays cheap.
    struct Output {
        let text: String
        private let windows: Set<[UInt8]>

        init(_ text: String) {
            self.text = text
            let bytes = Array(text.utf8)
            windows = bytes.count < 8 ? [] : Set((0...(bytes.count - 8)).map { Array(bytes[$0..<$0 + 8]) })
        }

        /// The first 8-byte piece of `secret` in the output (whole characters of an ASCII secret), if any.
        func leak(of secret: String) -> String? {
            let bytes = Array(secret.utf8)
            guard bytes.count >= 8 else { return text.contains(secret) ? secret : nil }
            for start in 0...(bytes.count - 8) where windows.contains(Array(bytes[start..<start + 8])) {
                return String(decoding: bytes[start..<start + 8], as: UTF8.self)
            }
            return nil
        }

        /// Whether the output holds `encoded` (at least 8 bytes long).
        func contains(_ encoded: String) -> Bool {
            windows.contains(Array(encoded.utf8.prefix(8))) && text.contains(encoded)
        }
    }

    private static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    private static func percentForm(_ text: String) -> String {
        (text.addingPercentEncoding(
            withAllowedCharacters: CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789*-._ "))
            ?? text).replacingOccurrences(of: " ", with: "+")
    }

    private static func lowerHex(_ text: String) -> String {
        var result = ""
        var pending = 0
        for character in text {
            if character == "%" {
                pending = 2
                result.append(character)
            } else if pending > 0 {
                pending -= 1
                result += character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }

    private static func json(_ text: String) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes]) else { return text }
        let encoded = String(decoding: data, as: UTF8.self)
        return String(encoded.dropFirst(2).dropLast(2))
    }

    private static func base64(_ data: Data) -> [String: String] {
        let standard = data.base64EncodedString()
        let url = standard.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        return [
            "base64": standard, "base64-unpadded": standard.replacingOccurrences(of: "=", with: ""),
            "base64url": url, "base64url-unpadded": url.replacingOccurrences(of: "=", with: ""),
        ]
    }
}

import Foundation

/// A token-endpoint body read leniently (JSON, else form-encoded, else text), so each problem is reported by
/// its own check: the format check says what Alexa cannot read, the other checks still see the fields.
struct TokenBody: Sendable {
    /// How the body was written.
    enum Encoding: String, Sendable {
        /// A JSON object.
        case json
        /// `name=value&…` (as GitHub answers without `Accept: application/json`).
        case form
        /// Anything else (HTML, plain text).
        case text
        /// No body.
        case empty
    }

    /// How the body was written.
    let encoding: Encoding
    /// `access_token`.
    let accessToken: String?
    /// `token_type`.
    let tokenType: String?
    /// `refresh_token`.
    let refreshToken: String?
    /// `expires_in`.
    let expiresIn: NumericField
    /// `refresh_token_expires_in` (sent by some servers, e.g. Microsoft and GitHub).
    let refreshTokenExpiresIn: NumericField
    /// `error` (for a text body: the first RFC 6749 error code found in it).
    let error: String?
    /// `error_description` as sent (quote it with ``ServerText/quote(_:)`` to show it: it is shortened only
    /// after the line is scrubbed of secrets).
    let errorDescription: String?

    /// Error codes RFC 6749 §5.2 defines, looked for in bodies that are neither JSON nor form-encoded.
    static let knownErrors = [
        "invalid_request", "invalid_client", "invalid_grant", "unauthorized_client", "unsupported_grant_type",
        "invalid_scope",
    ]

    /// Reads a body.
    /// - Parameter data: the body bytes.
    init(_ data: Data) {
        if data.isEmpty {
            self.init(encoding: .empty, fields: [:], text: "")
        } else if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            self.init(encoding: .json, fields: object, text: "")
        } else {
            let text = String(decoding: data, as: UTF8.self)
            if let pairs = FormURLEncoding.decode(text) {
                var fields: [String: Any] = [:]
                for (name, value) in pairs where fields[name] == nil { fields[name] = value }
                self.init(encoding: .form, fields: fields, text: text)
            } else {
                self.init(encoding: .text, fields: [:], text: text)
            }
        }
    }

    private init(encoding: Encoding, fields: [String: Any], text: String) {
        self.encoding = encoding
        accessToken = fields["access_token"] as? String
        tokenType = fields["token_type"] as? String
        refreshToken = fields["refresh_token"] as? String
        expiresIn = NumericField(fields["expires_in"])
        refreshTokenExpiresIn = NumericField(fields["refresh_token_expires_in"])
        if encoding == .text {
            error = Self.knownErrors.first { text.contains($0) }
            errorDescription = nil
        } else {
            error = fields["error"] as? String
            errorDescription = fields["error_description"] as? String
        }
    }
}

/// A number of seconds that may arrive as a JSON number or a numeric string.
enum NumericField: Sendable, Equatable {
    /// Not sent.
    case missing
    /// A non-negative number of seconds.
    case seconds(Double)
    /// Sent, but not a non-negative number (as sent: quote it to show it).
    case unreadable(String)

    /// Reads a field value.
    init(_ value: Any?) {
        switch value {
        case nil:
            self = .missing
        case let string as String:
            if let number = Double(string.trimmingCharacters(in: .whitespaces)), number.isFinite, number >= 0 {
                self = .seconds(number)
            } else {
                self = .unreadable(string)
            }
        case let number as NSNumber:
            let double = number.doubleValue
            self = double.isFinite && double >= 0 ? .seconds(double) : .unreadable(number.stringValue)
        default:
            self = .unreadable(String(describing: value))
        }
    }

    /// The seconds, if readable.
    var seconds: Double? {
        if case .seconds(let value) = self { value } else { nil }
    }
}

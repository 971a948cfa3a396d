/// A response produced by an ``HTTPResponder``.
///
/// The server adds `Content-Length`, `Connection` and `Date`; any `Content-Length`,
/// `Transfer-Encoding` or `Connection` set here is replaced (a `Connection: close` here is honoured
/// by closing after the response).
public struct HTTPResponse: Sendable {
    /// The status code, e.g. 200.
    public var status: Int
    /// Header fields to send.
    public var headers: HTTPHeaders
    /// The body bytes (not sent for `HEAD` requests and for 1xx/204/304 responses).
    public var body: [UInt8]
    /// Extra `key=value` pairs the server appends to the access-log line for this request.
    public var logFields: [(String, String)]

    /// Creates a response.
    /// - Parameters:
    ///   - status: the status code.
    ///   - headers: header fields to send.
    ///   - body: body bytes.
    ///   - logFields: extra pairs for the access log.
    public init(status: Int, headers: HTTPHeaders = [:], body: [UInt8] = [], logFields: [(String, String)] = []) {
        self.status = status
        self.headers = headers
        self.body = body
        self.logFields = logFields
    }

    /// A JSON response with `Content-Type: application/json;charset=UTF-8`.
    /// - Parameters:
    ///   - status: the status code.
    ///   - body: UTF-8 JSON bytes.
    public static func json(status: Int, _ body: [UInt8]) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "application/json;charset=UTF-8"], body: body)
    }

    /// A JSON error response: `{"error":{"status":N,"message":"..."}}` with the message escaped.
    /// - Parameters:
    ///   - status: the status code, e.g. 404.
    ///   - message: a human-readable explanation.
    public static func error(status: Int, message: String) -> HTTPResponse {
        var body: [UInt8] = []
        body.reserveCapacity(message.utf8.count + 40)
        body.append(contentsOf: #"{"error":{"status":"#.utf8)
        ASCII.appendDecimal(status, to: &body)
        body.append(contentsOf: #","message":""#.utf8)
        JSONString.appendEscaped(message, to: &body)
        body.append(contentsOf: #""}}"#.utf8)
        return .json(status: status, body)
    }
}

/// Minimal JSON string escaping for error bodies (shared with SkillGateLambda's error payloads).
package enum JSONString {
    /// Appends `string` escaped for use inside a JSON string literal (no surrounding quotes).
    package static func appendEscaped(_ string: String, to buffer: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): buffer.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): buffer.append(contentsOf: [92, 92])
            case 10: buffer.append(contentsOf: [92, UInt8(ascii: "n")])
            case 13: buffer.append(contentsOf: [92, UInt8(ascii: "r")])
            case 9: buffer.append(contentsOf: [92, UInt8(ascii: "t")])
            case 0..<0x20:
                buffer.append(contentsOf: Array(#"\u00"#.utf8))
                buffer.append(hex[Int(byte >> 4)])
                buffer.append(hex[Int(byte & 0x0F)])
            default: buffer.append(byte)
            }
        }
    }
}

/// How a request's body is delimited.
enum BodyFraming: Equatable {
    /// No body.
    case none
    /// Exactly this many bytes follow the head.
    case length(Int)
    /// `Transfer-Encoding: chunked`.
    case chunked
}

/// A parsed request line and header block.
struct RequestHead {
    var method: String
    var target: String
    var versionMinor: Int
    var headers: HTTPHeaders
    var framing: BodyFraming
    var keepAlive: Bool
    var expectContinue: Bool
}

/// A request the server must refuse: the status to send and why.
struct HTTPParseError: Error {
    var status: Int
    var message: String

    static func badRequest(_ message: String) -> HTTPParseError { HTTPParseError(status: 400, message: message) }
}

/// The limits a parser enforces, copied from the server configuration.
struct ParserLimits {
    var maxRequestLineBytes: Int
    var maxHeaderBytes: Int
    var maxHeaderCount: Int
    var maxBodyBytes: Int
}

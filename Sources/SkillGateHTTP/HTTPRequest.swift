/// A complete HTTP request as the server hands it to an ``HTTPResponder``.
///
/// The body is fully read (and de-chunked) before the responder runs; its size is bounded by
/// ``HTTPServerConfiguration/maxBodyBytes``.
public struct HTTPRequest: Sendable {
    /// The method in upper case as sent, e.g. `POST`.
    public var method: String
    /// The raw request-target, e.g. `/alexa?x=1`.
    public var target: String
    /// The path part of the target, e.g. `/alexa` (for an absolute-form target, the path after the authority).
    public var path: String
    /// The query part of the target without the `?`, or nil when there is none.
    public var query: String?
    /// The request header fields in the order received.
    public var headers: HTTPHeaders
    /// The request body (empty when there is none).
    public var body: [UInt8]
    /// The peer's address and port, e.g. `127.0.0.1:54321` or `[::1]:5000`.
    public var remoteAddress: String
    /// The HTTP minor version: 1 for HTTP/1.1, 0 for HTTP/1.0.
    public var versionMinor: Int

    /// Creates a request; the server builds these, tests may too.
    /// - Parameters:
    ///   - method: the method, e.g. `GET`.
    ///   - target: the raw request-target; `path` and `query` are derived from it.
    ///   - headers: the header fields.
    ///   - body: the body bytes.
    ///   - remoteAddress: the peer address.
    ///   - versionMinor: 1 for HTTP/1.1 (the default), 0 for HTTP/1.0.
    public init(
        method: String,
        target: String,
        headers: HTTPHeaders = [:],
        body: [UInt8] = [],
        remoteAddress: String = "",
        versionMinor: Int = 1
    ) {
        self.method = method
        self.target = target
        let split = RequestTarget.split(target)
        self.path = split.path
        self.query = split.query
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.versionMinor = versionMinor
    }
}

/// Splits a request-target into path and query.
enum RequestTarget {
    /// Splits `/a?b=c` into `/a` and `b=c`; for `http://host/a?b` the authority is dropped.
    static func split(_ target: String) -> (path: String, query: String?) {
        var rest = Substring(target)
        if !rest.hasPrefix("/"), let schemeEnd = rest.firstRange(of: "://") {
            let afterScheme = rest[schemeEnd.upperBound...]
            if let slash = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" }) {
                rest = afterScheme[slash...]
            } else {
                rest = "/"
            }
        }
        guard let mark = rest.firstIndex(of: "?") else {
            return (rest.isEmpty ? "/" : String(rest), nil)
        }
        let path = rest[..<mark]
        return (path.isEmpty ? "/" : String(path), String(rest[rest.index(after: mark)...]))
    }
}

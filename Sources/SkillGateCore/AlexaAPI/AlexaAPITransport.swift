/// Sends one HTTPS request to an Alexa service API and returns the complete response.
///
/// The core knows no sockets and no TLS: `import SkillGate` supplies an implementation over
/// SkillGate's HTTP client (with the `HTTPEndpoint` trait, which brings OpenSSL), and tests pass a
/// fake (see `FakeAlexaAPI` in SkillGateTesting). An implementation must be safe to call from
/// many requests at once and should keep connections alive between calls.
public protocol AlexaAPITransport: Sendable {
    /// Sends a request.
    /// - Parameters:
    ///   - request: the method, URL, headers, body and the Alexa API token to send as a bearer token.
    ///   - timeout: the longest the whole exchange may take (connect, TLS, request and response).
    /// - Returns: the response, whatever its status.
    /// - Throws: ``AlexaAPITransportError`` when no response arrived (timeout, connection failure);
    ///   any other error is reported as a connection failure.
    func send(_ request: AlexaAPIRequest, timeout: Duration) async throws -> AlexaAPIResponse
}

/// One request to an Alexa service API. The API token travels separately from the headers, as an
/// ``/SkillGateModel/AccessToken`` that never prints, so a request can be logged or shown in a test failure safely.
public struct AlexaAPIRequest: Sendable, Hashable, CustomStringConvertible {
    /// `GET` or `POST`.
    public var method: String
    /// The absolute `https://` URL, e.g. `https://api.amazonalexa.com/v1/devices/…/settings/address`.
    public var url: String
    /// Header fields besides `Authorization` (`Accept`, `Content-Type`).
    public var headers: [String: String]
    /// The body bytes (JSON for `POST`).
    public var body: [UInt8]
    /// `context.System.apiAccessToken`, sent as `Authorization: Bearer …`.
    public var bearerToken: AccessToken

    /// Creates a request.
    /// - Parameters:
    ///   - method: the method.
    ///   - url: the absolute URL.
    ///   - headers: header fields besides `Authorization`.
    ///   - body: the body.
    ///   - bearerToken: the Alexa API token.
    public init(method: String, url: String, headers: [String: String] = [:], body: [UInt8] = [], bearerToken: AccessToken) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.bearerToken = bearerToken
    }

    /// The `Authorization` header's value: `Bearer <token>`. Send it; never log it.
    public var authorization: String { "Bearer " + bearerToken.value }

    /// `GET https://…/path` (no token).
    public var description: String { "\(method) \(url)" }
}

/// The response of an Alexa service API.
public struct AlexaAPIResponse: Sendable, Hashable {
    /// The HTTP status code.
    public var status: Int
    /// The response header fields, names in lower case.
    public var headers: [String: String]
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a response.
    /// - Parameters:
    ///   - status: the status code.
    ///   - headers: header fields (names are lower-cased).
    ///   - body: the body.
    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        var lowered: [String: String] = [:]
        for (name, value) in headers { lowered[name.lowercased()] = value }
        self.headers = lowered
        self.body = body
    }

    /// A response with a JSON body.
    /// - Parameters:
    ///   - status: the status code; 200 by default.
    ///   - json: the body.
    /// - Returns: the response, with `Content-Type: application/json`.
    public static func json(status: Int = 200, _ json: JSONValue) -> AlexaAPIResponse {
        AlexaAPIResponse(status: status, headers: ["content-type": "application/json"], body: json.jsonBytes)
    }
}

/// Why a transport got no response at all; the message says what happened and what to check,
/// naming the host (never a token).
public typealias AlexaAPITransportError = KindedError<AlexaAPITransportErrorKind>

/// The kind of ``AlexaAPITransportError``.
public enum AlexaAPITransportErrorKind: Sendable, Hashable {
    /// No complete response within the timeout.
    case timedOut
    /// The API could not be reached, or the connection failed (DNS, refused, TLS, reset).
    case connectionFailed
    /// This build has no way to make HTTPS calls.
    case unavailable
}

public import SkillGateCore
import SkillGateCrypto

/// AWS Signature Version 4 (the `AWS4-HMAC-SHA256` scheme), with HMAC-SHA256 and SHA-256 from
/// SkillGateCrypto. Checked against the published Signature Version 4 test suite.
public struct AWSSigner: Sendable {
    /// A request to sign: everything the signature covers.
    public struct Request: Sendable {
        /// `GET`, `POST`, …
        public var method: String
        /// The path as it goes on the wire (not yet percent-encoded), e.g. `/`.
        public var path: String
        /// The query string without `?`, e.g. `Param2=value2&Param1=value1`; empty for none.
        public var query: String
        /// The header fields to sign, `Host` included.
        public var headers: [(name: String, value: String)]
        /// The body.
        public var body: [UInt8]

        /// Creates a request.
        /// - Parameters:
        ///   - method: the method.
        ///   - path: the path.
        ///   - query: the query string.
        ///   - headers: the headers to sign.
        ///   - body: the body.
        public init(method: String, path: String = "/", query: String = "", headers: [(name: String, value: String)], body: [UInt8] = []) {
            self.method = method
            self.path = path
            self.query = query
            self.headers = headers
            self.body = body
        }
    }

    /// A signature and the steps that made it (the test suite checks each step).
    public struct Signature: Sendable {
        /// The canonical request.
        public let canonicalRequest: String
        /// The string to sign.
        public let stringToSign: String
        /// `host;x-amz-date;…`.
        public let signedHeaders: String
        /// The hex signature. Secret-derived: never log it.
        public let signature: String
        /// The `Authorization` header value (it contains the signature: never log it).
        public let authorization: String
        /// `X-Amz-Date`, e.g. `20150830T123600Z`.
        public let amzDate: String
    }

    /// The credentials.
    public let credentials: AWSCredentials
    /// The region, e.g. `us-east-1`.
    public let region: String
    /// The service's signing name, e.g. `dynamodb`.
    public let service: String

    /// Creates a signer.
    /// - Parameters:
    ///   - credentials: the credentials.
    ///   - region: the region.
    ///   - service: the signing name.
    public init(credentials: AWSCredentials, region: String, service: String) {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// Signs a request as of `date`. The request's headers must already hold `X-Amz-Date` (with
    /// ``amzDate(_:)`` of the same time) and, for temporary credentials, `X-Amz-Security-Token`.
    /// - Parameters:
    ///   - request: what to sign.
    ///   - date: the signing time.
    /// - Returns: the signature and the `Authorization` value.
    public func sign(_ request: Request, at date: RequestTimestamp) -> Signature {
        let amzDate = Self.amzDate(date)
        let day = String(amzDate.prefix(8))
        let (canonicalHeaders, signedHeaders) = Self.canonicalHeaders(request.headers)
        let canonicalRequest = [
            request.method, Self.canonicalPath(request.path), Self.canonicalQuery(request.query), canonicalHeaders, signedHeaders,
            Self.hex(SHA256.hash(request.body)),
        ].joined(separator: "\n")
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, Self.hex(SHA256.hash(Array(canonicalRequest.utf8)))]
            .joined(separator: "\n")
        var key = HMAC.sha256(key: Array("AWS4\(credentials.secretAccessKey)".utf8), message: Array(day.utf8))
        for part in [region, service, "aws4_request"] { key = HMAC.sha256(key: key, message: Array(part.utf8)) }
        let signature = Self.hex(HMAC.sha256(key: key, message: Array(stringToSign.utf8)))
        let authorization =
            "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyId)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)"
        return Signature(
            canonicalRequest: canonicalRequest, stringToSign: stringToSign, signedHeaders: signedHeaders, signature: signature,
            authorization: authorization, amzDate: amzDate)
    }

    /// `YYYYMMDDTHHMMSSZ` in UTC, the `X-Amz-Date` format.
    /// - Parameter date: the time.
    /// - Returns: the formatted time.
    public static func amzDate(_ date: RequestTimestamp) -> String {
        // RequestTimestamp's ISO 8601 form is `YYYY-MM-DDTHH:MM:SS.mmmZ`: keep its digits and the T.
        String(date.iso8601.prefix(19).filter { $0 != "-" && $0 != ":" }) + "Z"
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

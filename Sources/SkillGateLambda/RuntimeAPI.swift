import SkillGateHTTP

/// The paths and header names of the AWS Lambda Runtime API, version 2018-06-01.
enum RuntimeAPI {
    static let next = "/2018-06-01/runtime/invocation/next"
    static let initError = "/2018-06-01/runtime/init/error"

    static func response(_ requestID: String) -> String {
        "/2018-06-01/runtime/invocation/\(pathSegment(requestID))/response"
    }

    static func error(_ requestID: String) -> String {
        "/2018-06-01/runtime/invocation/\(pathSegment(requestID))/error"
    }

    static let requestIDHeader = "Lambda-Runtime-Aws-Request-Id"
    static let deadlineHeader = "Lambda-Runtime-Deadline-Ms"
    static let functionARNHeader = "Lambda-Runtime-Invoked-Function-Arn"
    static let traceIDHeader = "Lambda-Runtime-Trace-Id"
    static let clientContextHeader = "Lambda-Runtime-Client-Context"
    static let cognitoIdentityHeader = "Lambda-Runtime-Cognito-Identity"
    static let errorTypeHeader = "Lambda-Runtime-Function-Error-Type"
    /// The environment variable X-Ray SDKs read the current trace header from.
    static let traceEnvironmentVariable = "_X_AMZN_TRACE_ID"

    /// The headers of an error `POST`.
    static func errorHeaders(_ error: LambdaFunctionError) -> HTTPHeaders {
        [errorTypeHeader: error.headerValue, "Content-Type": "application/json"]
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters (request IDs are UUIDs,
    /// so this normally changes nothing).
    static func pathSegment(_ text: String) -> String {
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                bytes.append(byte)
            default:
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// One event from `invocation/next`: the payload and its context.
struct Invocation: Sendable {
    let event: [UInt8]
    let context: LambdaInvocationContext

    /// Reads an invocation from a 200 response; nil when the request ID header is missing.
    init?(_ response: HTTPClientResponse) {
        guard let context = Self.context(from: response.headers) else { return nil }
        event = response.body
        self.context = context
    }

    /// The invocation's context from the `Lambda-Runtime-*` headers of `invocation/next`; nil
    /// when the request ID header is missing or empty.
    static func context(from headers: HTTPHeaders) -> LambdaInvocationContext? {
        guard let requestID = headers[RuntimeAPI.requestIDHeader]?.trimmingBlanks(), !requestID.isEmpty else {
            return nil
        }
        return LambdaInvocationContext(
            requestID: requestID,
            deadlineMillisecondsSince1970: headers[RuntimeAPI.deadlineHeader].flatMap { Int64($0.trimmingBlanks()) },
            invokedFunctionARN: headers[RuntimeAPI.functionARNHeader],
            traceID: headers[RuntimeAPI.traceIDHeader],
            clientContext: headers[RuntimeAPI.clientContextHeader],
            cognitoIdentity: headers[RuntimeAPI.cognitoIdentityHeader]
        )
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        var slice = self[...]
        while slice.first == " " || slice.first == "\t" { slice.removeFirst() }
        while slice.last == " " || slice.last == "\t" { slice.removeLast() }
        return String(slice)
    }
}

import SkillGateHTTP

/// What a handler made of one invocation: a payload for the response endpoint, or an error for
/// the error endpoint.
public enum LambdaOutcome: Sendable {
    /// The payload to `POST` to `/2018-06-01/runtime/invocation/{id}/response`.
    case response([UInt8])
    /// The error to `POST` to `/2018-06-01/runtime/invocation/{id}/error`.
    case failure(LambdaFunctionError)
}

/// An error reported to the Runtime API (for one invocation or for initialization).
///
/// It is sent as `{"errorMessage":…,"errorType":…,"stackTrace":[]}` with the
/// `Lambda-Runtime-Function-Error-Type` header set to ``type``.
public struct LambdaFunctionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The error type, in AWS's recommended `Category.Reason` form, e.g. `SkillGate.malformedRequest`.
    public var type: String
    /// What went wrong, for the function's logs and the invoker.
    public var message: String

    /// Creates an error.
    /// - Parameters:
    ///   - type: the error type, e.g. `Runtime.ConfigInvalid`.
    ///   - message: the explanation.
    public init(type: String, message: String) {
        self.type = type
        self.message = message
    }

    /// `type: message`.
    public var description: String { "\(type): \(message)" }

    /// The JSON body: `{"errorMessage":…,"errorType":…,"stackTrace":[]}`.
    public var jsonBytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(message.utf8.count + type.utf8.count + 64)
        bytes.append(contentsOf: #"{"errorMessage":""#.utf8)
        JSONString.appendEscaped(message, to: &bytes)
        bytes.append(contentsOf: #"","errorType":""#.utf8)
        JSONString.appendEscaped(type, to: &bytes)
        bytes.append(contentsOf: #"","stackTrace":[]}"#.utf8)
        return bytes
    }

    /// ``type`` made safe for a header value: anything but visible ASCII becomes `_`.
    var headerValue: String {
        let cleaned = String(decoding: type.utf8.map { (0x21...0x7E).contains($0) ? $0 : UInt8(ascii: "_") }, as: UTF8.self)
        return cleaned.isEmpty ? "Runtime.Unknown" : cleaned
    }
}

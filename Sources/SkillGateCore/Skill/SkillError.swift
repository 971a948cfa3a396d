/// An error from SkillGate with a code to branch on and a message a person can act on
/// (swift-service-lifecycle's pattern).
public struct SkillError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's name, e.g. `malformedRequest`.
        public let name: String
        private init(_ name: String) { self.name = name }

        /// The request body is not a valid request envelope.
        public static let malformedRequest = Code("malformedRequest")
        /// The request is for another skill.
        public static let applicationIdMismatch = Code("applicationIdMismatch")
        /// The request's timestamp is too old or in the future (a replay).
        public static let timestampOutOfRange = Code("timestampOutOfRange")
        /// The request's signature or certificate chain did not verify.
        public static let verificationFailed = Code("verificationFailed")
        /// Two routes claim the same request (found at start-up).
        public static let duplicateRoute = Code("duplicateRoute")
        /// The skill's routes or settings are inconsistent (found at start-up).
        public static let invalidConfiguration = Code("invalidConfiguration")
        /// The command line is wrong.
        public static let usage = Code("usage")

        /// The code's name.
        public var description: String { name }
    }

    /// The kind of failure.
    public let code: Code
    /// What went wrong and, where it helps, what to do.
    public let message: String
    /// The error behind this one, if any.
    public let underlying: (any Error)?

    /// Creates an error.
    /// - Parameters:
    ///   - code: the kind.
    ///   - message: the explanation.
    ///   - underlying: the cause.
    public init(_ code: Code, _ message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }

    /// The error as the JSON body SkillGate sends: `{"error":{"code":…,"message":…}}`.
    public var jsonBytes: [UInt8] {
        var writer = JSONWriter(capacity: 128)
        writer.beginObject()
        writer.key("error")
        writer.beginObject()
        writer.member("code", code.name)
        writer.member("message", message)
        writer.endObject()
        writer.endObject()
        return writer.bytes
    }
}

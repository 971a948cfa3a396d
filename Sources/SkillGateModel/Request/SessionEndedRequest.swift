/// A SessionEndedRequest: the session is over; the skill must answer with an empty response.
public struct SessionEndedRequest: Sendable, Hashable {
    /// Why a session ended.
    public enum Reason: Sendable, Hashable {
        /// The user said "exit" or similar.
        case userInitiated
        /// An error occurred.
        case error
        /// The user did not answer the reprompts.
        case exceededMaxReprompts
        /// A reason newer than SkillGate.
        case other(String)

        /// Maps a wire value such as `USER_INITIATED`.
        /// - Parameter rawValue: the wire value.
        public init(rawValue: String) {
            switch rawValue {
            case "USER_INITIATED": self = .userInitiated
            case "ERROR": self = .error
            case "EXCEEDED_MAX_REPROMPTS": self = .exceededMaxReprompts
            default: self = .other(rawValue)
            }
        }

        /// The wire value.
        public var rawValue: String {
            switch self {
            case .userInitiated: "USER_INITIATED"
            case .error: "ERROR"
            case .exceededMaxReprompts: "EXCEEDED_MAX_REPROMPTS"
            case .other(let value): value
            }
        }
    }

    /// The error Alexa reports when the reason is `.error`.
    public struct ErrorInfo: Sendable, Hashable {
        /// e.g. `INVALID_RESPONSE`.
        public var type: String
        /// A description of the error.
        public var message: String

        /// Creates an error description.
        /// - Parameters:
        ///   - type: the error type.
        ///   - message: the message.
        public init(type: String, message: String) {
            self.type = type
            self.message = message
        }
    }

    /// ID, timestamp, locale.
    public var header: RequestHeader
    /// Why the session ended; nil when Alexa sent no reason.
    public var reason: Reason?
    /// The error, for `reason == .error`.
    public var error: ErrorInfo?

    /// Creates a session-ended request.
    /// - Parameters:
    ///   - header: ID, timestamp, locale.
    ///   - reason: why it ended.
    ///   - error: the error, if any.
    public init(header: RequestHeader, reason: Reason? = nil, error: ErrorInfo? = nil) {
        self.header = header
        self.reason = reason
        self.error = error
    }

    init(reader: inout JSONReader) throws(RequestDecodingError) {
        var header = RequestHeader()
        var reason: Reason?, error: ErrorInfo?
        try reader.members { reader, key throws(RequestDecodingError) in
            if try header.readMember(key, from: &reader) { return }
            if key == "reason" {
                reason = try reader.optionalString().map(Reason.init(rawValue:))
            } else if key == "error" {
                error = try reader.optional { reader throws(RequestDecodingError) in
                    var type = "", message = ""
                    try reader.members { reader, key throws(RequestDecodingError) in
                        if key == "type" {
                            type = try reader.optionalString() ?? ""
                        } else if key == "message" {
                            message = try reader.optionalString() ?? ""
                        } else {
                            try reader.skip()
                        }
                    }
                    return ErrorInfo(type: type, message: message)
                }
            } else {
                try reader.skip()
            }
        }
        self.init(header: header, reason: reason, error: error)
    }
}

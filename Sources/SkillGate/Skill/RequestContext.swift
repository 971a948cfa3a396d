/// Everything a handler may need about the request besides its typed payload.
public struct RequestContext: Sendable {
    /// The whole request envelope.
    public let envelope: RequestEnvelope
    /// The skill's name.
    public let skillName: String
    private let baseLogger: Logger

    /// Creates a context.
    /// - Parameters:
    ///   - envelope: the request.
    ///   - logger: the skill's logger; the request ID is added to its metadata.
    ///   - skillName: the skill's name.
    public init(envelope: RequestEnvelope, logger: Logger, skillName: String) {
        self.envelope = envelope
        self.baseLogger = logger
        self.skillName = skillName
    }

    /// A logger for this request, with the request ID in its metadata (built when first asked
    /// for, so requests that log nothing pay nothing).
    public var logger: Logger {
        var logger = baseLogger
        logger.metadata["request"] = envelope.request.header.requestId
        return logger
    }

    /// The request's locale, `en-US` when the request has none.
    public var locale: String { envelope.locale ?? "en-US" }
    /// The session, when the request is part of one.
    public var session: Session? { envelope.session }
    /// The session attributes sent back by Alexa from the previous turn.
    public var sessionAttributes: JSONObject { envelope.session?.attributes ?? [:] }
    /// The user's ID, when the request names one.
    public var userId: String? { envelope.user?.userId }
    /// The device, when the request names one.
    public var device: Device? { envelope.context?.system.device }
}

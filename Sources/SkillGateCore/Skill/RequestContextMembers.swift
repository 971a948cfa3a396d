public import SkillGateLogging
public import SkillGateModel

/// The members of ``RequestContext`` that ``LinkedContext`` and ``OptionallyLinkedContext``
/// answer themselves: the ones handlers use on most requests, read directly instead of through
/// a key path (any other member still works through dynamic member lookup, e.g. `context.device`).
public protocol RequestContextMembers {
    /// The request's context.
    var request: RequestContext { get }
}

extension RequestContextMembers {
    /// The request's locale, `en-US` when the request has none (see ``RequestContext/locale``).
    public var locale: String { request.locale }
    /// The session, when the request is part of one.
    public var session: Session? { request.session }
    /// The session's attributes (empty outside a session).
    public var sessionAttributes: JSONObject { request.sessionAttributes }
    /// The user's ID, when the request names one.
    public var userId: String? { request.userId }
    /// The request's logger: the skill's, with the request's `requestId` on every line.
    public var logger: Logger { request.logger }
    /// The whole request envelope.
    public var envelope: RequestEnvelope { request.envelope }
    /// The request's persistent attributes (see ``RequestContext/persistentAttributes``).
    public var persistentAttributes: PersistentAttributes { request.persistentAttributes }
    /// The Alexa service APIs for this request's user and device (see ``RequestContext/alexa``).
    public var alexa: AlexaAPIClient { request.alexa }

    /// Speaks `speech` now, while the handler goes on working (see
    /// ``RequestContext/sendProgressiveResponse(_:)``).
    /// - Parameter speech: plain text.
    /// - Throws: ``AlexaAPIError``.
    public func sendProgressiveResponse(_ speech: String) async throws(AlexaAPIError) {
        try await request.sendProgressiveResponse(speech)
    }
}

extension LinkedContext: RequestContextMembers {}
extension OptionallyLinkedContext: RequestContextMembers {}

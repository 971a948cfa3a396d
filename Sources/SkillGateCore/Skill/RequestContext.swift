import Synchronization

/// Everything a handler may need about the request besides its typed payload.
///
/// A context is passed through the gate, the route and the handler; it holds the envelope in one
/// shared, immutable box, so passing it around costs a single reference count.
public struct RequestContext: Sendable {
    /// The state a context shares with its copies: immutable, but for the persistence slot.
    final class Storage: Sendable {
        let envelope: RequestEnvelope
        let skillName: String
        let logger: Logger
        /// The handler deadline and the Alexa API transport, set by the runner (see
        /// `RequestContext+Alexa.swift`); kept here so a request costs one allocation.
        let services: RequestServices?
        /// The request's persistent attributes, when the skill declares persistence (see
        /// RequestContext+Persistence.swift).
        let persistence = Mutex(PersistenceSlot.none)

        init(envelope: RequestEnvelope, skillName: String, logger: Logger, services: RequestServices?) {
            self.envelope = envelope
            self.skillName = skillName
            self.logger = logger
            self.services = services
        }
    }

    let storage: Storage
    /// The handler deadline and the Alexa API transport, set by the runner (see `RequestContext+Alexa.swift`).
    var services: RequestServices? { storage.services }
    /// Set when this request resumes an intent after voice consent (see `VoiceConsent`).
    var resumption: VoiceConsent.Answer?

    /// The scopes the user just accepted by voice.
    var acceptedScopes: Set<String> {
        guard let resumption, resumption.accepted else { return [] }
        return [resumption.scope]
    }

    /// The intent a voice-consent answer resumes.
    var resumedIntent: AlexaIntent? { resumption?.intent }

    /// Creates a context.
    /// - Parameters:
    ///   - envelope: the request.
    ///   - logger: the skill's logger; the request ID is added to its metadata.
    ///   - skillName: the skill's name.
    public init(envelope: RequestEnvelope, logger: Logger, skillName: String) {
        storage = Storage(envelope: envelope, skillName: skillName, logger: logger, services: nil)
    }

    /// Creates a context with a runner's services.
    init(envelope: RequestEnvelope, logger: Logger, skillName: String, services: RequestServices) {
        storage = Storage(envelope: envelope, skillName: skillName, logger: logger, services: services)
    }

    /// The whole request envelope.
    public var envelope: RequestEnvelope { storage.envelope }
    /// The skill's name.
    public var skillName: String { storage.skillName }

    /// A logger for this request, with Alexa's request ID in its metadata as `requestId`, the
    /// same key the access log uses, so a handler's lines match the request's access-log line
    /// (built when asked for, so requests that log nothing pay nothing).
    public var logger: Logger {
        let requestId = storage.envelope.request.header.requestId
        return requestId.isEmpty ? storage.logger : storage.logger.adding("requestId", requestId)
    }

    /// Logs through ``logger`` when `level` is enabled: the request's logger (a copy with the
    /// request ID added) is built only for lines that are written.
    func log(_ level: Logger.Level, _ message: @autoclosure () -> String, metadata: @autoclosure () -> Logger.Metadata? = nil) {
        guard storage.logger.isEnabled(level) else { return }
        logger.log(level: level, message(), metadata: metadata())
    }

    /// The request's locale, `en-US` when the request has none.
    public var locale: String { storage.envelope.request.header.locale ?? "en-US" }
    /// The session, when the request is part of one.
    public var session: Session? { storage.envelope.session }
    /// The session attributes sent back by Alexa from the previous turn.
    public var sessionAttributes: JSONObject { storage.envelope.session?.attributes ?? [:] }
    /// The user's ID, when the request names one.
    public var userId: String? { storage.envelope.user?.userId }
    /// The device, when the request names one.
    public var device: Device? { storage.envelope.context?.system.device }
    /// The speaker Alexa recognised by voice, when it recognised one (`context.System.person`).
    public var person: Person? { storage.envelope.person }
    /// The customer permissions the request reports (`context.System.user.permissions`).
    public var permissions: Permissions? { storage.envelope.user?.permissions }
}

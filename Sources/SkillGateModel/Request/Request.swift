/// The `request` object, by type. Known types are cases; any other type is kept whole as
/// `.unknown(type:raw:)` so a new Alexa feature never makes a skill fail.
public enum Request: Sendable, Hashable {
    /// The user opened the skill without asking for anything.
    case launch(LaunchRequest)
    /// The user asked for something the interaction model maps to an intent.
    case intent(IntentRequest)
    /// The session ended (the user left, an error, or too many reprompts).
    case sessionEnded(SessionEndedRequest)
    /// Alexa asks whether the skill could fulfil an intent (name-free interaction).
    case canFulfillIntent(CanFulfillIntentRequest)
    /// A known request type the skill may handle by type name: SessionResumedRequest,
    /// Connections.Response, Alexa.Presentation.APL.UserEvent, AudioPlayer.*, PlaybackController.*,
    /// System.ExceptionEncountered, Messaging.MessageReceived, AlexaSkillEvent.*.
    case event(EventRequest)
    /// A request type SkillGate does not know, kept as raw JSON.
    case unknown(type: String, raw: JSONValue)

    /// Request types SkillGate knows by name and decodes as ``EventRequest``.
    public static let knownEventTypes: Set<String> = [
        "SessionResumedRequest", "Connections.Response", "Alexa.Presentation.APL.UserEvent",
        "AudioPlayer.PlaybackStarted", "AudioPlayer.PlaybackFinished", "AudioPlayer.PlaybackStopped",
        "AudioPlayer.PlaybackNearlyFinished", "AudioPlayer.PlaybackFailed",
        "PlaybackController.NextCommandIssued", "PlaybackController.PauseCommandIssued",
        "PlaybackController.PlayCommandIssued", "PlaybackController.PreviousCommandIssued",
        "System.ExceptionEncountered", "Messaging.MessageReceived",
        "AlexaSkillEvent.SkillEnabled", "AlexaSkillEvent.SkillDisabled", "AlexaSkillEvent.SkillAccountLinked",
        "AlexaSkillEvent.SkillPermissionAccepted", "AlexaSkillEvent.SkillPermissionChanged",
    ]

    /// The request's `type`, e.g. `IntentRequest`.
    public var type: String {
        switch self {
        case .launch: "LaunchRequest"
        case .intent: "IntentRequest"
        case .sessionEnded: "SessionEndedRequest"
        case .canFulfillIntent: "CanFulfillIntentRequest"
        case .event(let event): event.type
        case .unknown(let type, _): type
        }
    }

    /// The request's common header: ID, timestamp and locale.
    public var header: RequestHeader {
        switch self {
        case .launch(let request): request.header
        case .intent(let request): request.header
        case .sessionEnded(let request): request.header
        case .canFulfillIntent(let request): request.header
        case .event(let request): request.header
        case .unknown(_, let raw): RequestHeader(json: raw)
        }
    }

    /// The intent's name for an IntentRequest or CanFulfillIntentRequest; nil otherwise.
    public var intentName: String? {
        switch self {
        case .intent(let request): request.intent.name
        case .canFulfillIntent(let request): request.intent.name
        default: nil
        }
    }

    /// Whether the type belongs to the `AlexaSkillEvent.*` family (redelivered with their original timestamp).
    public var isSkillEvent: Bool { type.hasPrefix("AlexaSkillEvent.") }

    /// Decodes the `request` object: a look-ahead finds the first `type` (members may come in any
    /// order; Alexa writes it first, so the look-ahead usually stops at once), then the payload for
    /// that type is decoded. A repeated `type` follows the rule of every repeated member, **the
    /// last one wins**: the payload reader sees each `type`, and when the last differs from the
    /// first the object is decoded again by the last (rare, so the common request pays nothing).
    init(reader: inout JSONReader) throws(RequestDecodingError) {
        guard let first = try reader.peekStringMember("type") else {
            throw RequestDecodingError(path: "type", problem: "is missing")
        }
        // Only the offset: a copy of the whole reader would retain its buffers for every request.
        let start = reader.offset
        reader.lastRequestType = nil
        self = try Self.payload(type: first, reader: &reader)
        guard let last = reader.lastRequestType, last != first else { return }
        guard !last.isEmpty else { throw RequestDecodingError(path: "type", problem: "is missing") }
        reader.offset = start
        self = try Self.payload(type: last, reader: &reader)
    }

    /// The payload of a request of `type`; for types kept as JSON, records the object's own
    /// (last) `type` in `reader.lastRequestType`.
    private static func payload(type: String, reader: inout JSONReader) throws(RequestDecodingError) -> Request {
        switch type {
        case "LaunchRequest":
            return .launch(LaunchRequest(header: try RequestHeader(reader: &reader)))
        case "IntentRequest":
            return .intent(try IntentRequest(reader: &reader))
        case "SessionEndedRequest":
            return .sessionEnded(try SessionEndedRequest(reader: &reader))
        case "CanFulfillIntentRequest":
            return .canFulfillIntent(try CanFulfillIntentRequest(reader: &reader))
        default:
            let raw = try reader.jsonValue()
            switch raw.objectValue?["type"] {
            case .string(let last): reader.lastRequestType = last
            case .null: reader.lastRequestType = ""
            default: throw RequestDecodingError(path: "type", problem: "must be a string")
            }
            let header = try RequestHeader(validating: raw)
            if Request.knownEventTypes.contains(type) {
                return .event(EventRequest(type: type, header: header, raw: raw.objectValue ?? [:]))
            }
            return .unknown(type: type, raw: raw)
        }
    }
}

/// What every request carries: its ID, timestamp and locale.
public struct RequestHeader: Sendable, Hashable {
    /// The request's unique ID.
    public var requestId: String
    /// When Alexa sent the request; nil only for a request that had none.
    public var timestamp: RequestTimestamp?
    /// The user's locale, e.g. `en-US`; absent on some out-of-session requests.
    public var locale: String?

    /// Creates a header.
    /// - Parameters:
    ///   - requestId: the request ID.
    ///   - timestamp: the timestamp.
    ///   - locale: the locale.
    public init(requestId: String = "", timestamp: RequestTimestamp? = nil, locale: String? = nil) {
        self.requestId = requestId
        self.timestamp = timestamp
        self.locale = locale
    }

    /// Reads only the header members of a request object, skipping the rest.
    init(reader: inout JSONReader) throws(RequestDecodingError) {
        self.init()
        try reader.members { reader, key throws(RequestDecodingError) in
            if !(try readMember(key, from: &reader)) { try reader.skip() }
        }
    }

    /// Reads `key` if it is a header member; returns false (consuming nothing) otherwise.
    mutating func readMember(_ key: JSONReader.Key, from reader: inout JSONReader) throws(RequestDecodingError) -> Bool {
        if key == "requestId" {
            requestId = try reader.optionalString() ?? ""
        } else if key == "timestamp" {
            timestamp = try reader.optionalTimestamp()
        } else if key == "locale" {
            locale = try reader.optionalString()
        } else if key == "type" {
            // Only noted: ``Request``'s decoder re-decodes when a later `type` differs.
            do throws(RequestDecodingError) {
                reader.lastRequestType = try reader.optionalString() ?? ""
            } catch {
                throw error.prefixed(with: "type")
            }
        } else {
            return false
        }
        return true
    }

    /// The header of a request kept as JSON, checked by the same rules as a typed request's: a
    /// `timestamp` that is neither an ISO-8601 date-time nor epoch milliseconds is an error.
    /// - Throws: ``RequestDecodingError`` naming `timestamp`.
    init(validating json: JSONValue) throws(RequestDecodingError) {
        if let value = json["timestamp"], value != .null, RequestTimestamp(json: value) == nil {
            throw RequestDecodingError(
                path: "timestamp", problem: "must be an ISO-8601 date-time or epoch milliseconds, found \(value.jsonString)")
        }
        self.init(json: json)
    }

    /// The header of a request kept as JSON; unreadable members are left empty.
    init(json: JSONValue) {
        self.init(
            requestId: json["requestId"]?.stringValue ?? "", timestamp: json["timestamp"].flatMap(RequestTimestamp.init(json:)),
            locale: json["locale"]?.stringValue)
    }
}

/// A LaunchRequest: the user opened the skill.
public struct LaunchRequest: Sendable, Hashable {
    /// ID, timestamp, locale.
    public var header: RequestHeader

    /// Creates a launch request.
    /// - Parameter header: ID, timestamp, locale.
    public init(header: RequestHeader) { self.header = header }
}

/// A request SkillGate knows by type but does not model field by field; its JSON is kept whole.
public struct EventRequest: Sendable, Hashable {
    /// The request type, e.g. `AudioPlayer.PlaybackStarted`.
    public var type: String
    /// ID, timestamp, locale.
    public var header: RequestHeader
    /// The whole `request` object.
    public var raw: JSONObject

    /// Creates an event request.
    /// - Parameters:
    ///   - type: the request type.
    ///   - header: ID, timestamp, locale.
    ///   - raw: the whole request object.
    public init(type: String, header: RequestHeader, raw: JSONObject) {
        self.type = type
        self.header = header
        self.raw = raw
    }
}

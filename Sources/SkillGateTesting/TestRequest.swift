public import SkillGateCore

/// Builds realistic request envelopes for tests and benchmarks, linked or not.
///
/// ```swift
/// let request = TestRequest.intent("OrderRideIntent", slots: ["destination": "work"], token: "abc")
/// ```
public struct TestRequest: Sendable {
    /// The envelope as JSON; change it freely before sending.
    public var json: JSONValue

    /// The default skill ID of built requests.
    public static let defaultSkillID = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000"

    /// Wraps an envelope.
    /// - Parameter json: a request envelope.
    public init(json: JSONValue) { self.json = json }

    /// A LaunchRequest.
    /// - Parameters: see ``make(request:token:locale:skillID:session:sessionAttributes:timestamp:)``.
    public static func launch(
        token: String? = nil, locale: String = "en-US", skillID: String = defaultSkillID, timestamp: RequestTimestamp = .now()
    ) -> TestRequest {
        make(request: ["type": "LaunchRequest"], token: token, locale: locale, skillID: skillID, timestamp: timestamp)
    }

    /// An IntentRequest.
    /// - Parameters:
    ///   - name: the intent name.
    ///   - slots: slot values by name.
    ///   - token: the access token; nil for an unlinked user.
    ///   - locale: the locale.
    ///   - skillID: the skill ID.
    ///   - newSession: whether this is the first turn.
    ///   - sessionAttributes: attributes from the previous turn.
    ///   - timestamp: the timestamp.
    public static func intent(
        _ name: String, slots: [String: String] = [:], token: String? = nil, locale: String = "en-US", skillID: String = defaultSkillID,
        newSession: Bool = true, sessionAttributes: JSONObject = [:], timestamp: RequestTimestamp = .now()
    ) -> TestRequest {
        var slotObject = JSONObject()
        for key in slots.keys.sorted() {
            slotObject[key] = ["name": .string(key), "value": .string(slots[key] ?? ""), "confirmationStatus": "NONE"]
        }
        let request: JSONValue = [
            "type": "IntentRequest", "dialogState": "STARTED",
            "intent": ["name": .string(name), "confirmationStatus": "NONE", "slots": .object(slotObject)],
        ]
        return make(
            request: request, token: token, locale: locale, skillID: skillID, session: .some(newSession),
            sessionAttributes: sessionAttributes, timestamp: timestamp)
    }

    /// A SessionEndedRequest.
    /// - Parameters:
    ///   - reason: `USER_INITIATED`, `ERROR` or `EXCEEDED_MAX_REPROMPTS`.
    ///   - token: the access token.
    ///   - locale: the locale.
    ///   - skillID: the skill ID.
    public static func sessionEnded(
        reason: String = "USER_INITIATED", token: String? = nil, locale: String = "en-US", skillID: String = defaultSkillID
    ) -> TestRequest {
        make(
            request: ["type": "SessionEndedRequest", "reason": .string(reason)], token: token, locale: locale, skillID: skillID,
            session: .some(false))
    }

    /// A CanFulfillIntentRequest.
    /// - Parameters:
    ///   - name: the intent name.
    ///   - token: the access token.
    ///   - skillID: the skill ID.
    public static func canFulfill(_ name: String, token: String? = nil, skillID: String = defaultSkillID) -> TestRequest {
        make(
            request: ["type": "CanFulfillIntentRequest", "intent": ["name": .string(name), "slots": [:]]], token: token, locale: "en-US",
            skillID: skillID)
    }

    /// A request of any type, outside a session (AudioPlayer.*, AlexaSkillEvent.*, unknown types).
    /// - Parameters:
    ///   - type: the request type.
    ///   - fields: extra members of the `request` object.
    ///   - skillID: the skill ID.
    public static func event(_ type: String, fields: JSONObject = [:], skillID: String = defaultSkillID) -> TestRequest {
        var request = fields
        request["type"] = .string(type)
        return make(request: .object(request), token: nil, locale: "en-US", skillID: skillID, session: nil)
    }

    /// Assembles an envelope around a `request` object.
    /// - Parameters:
    ///   - request: the request object (type and payload); ID, timestamp and locale are added.
    ///   - token: the access token (in context and session).
    ///   - locale: the locale.
    ///   - skillID: the skill ID.
    ///   - session: nil for no session, or whether the session is new.
    ///   - sessionAttributes: session attributes.
    ///   - timestamp: the timestamp.
    public static func make(
        request: JSONValue, token: String?, locale: String, skillID: String, session: Bool?? = .some(true),
        sessionAttributes: JSONObject = [:], timestamp: RequestTimestamp = .now()
    ) -> TestRequest {
        var requestObject = request.objectValue ?? [:]
        requestObject["requestId"] = .string("amzn1.echo-api.request.test-\(timestamp.millisecondsSince1970)")
        requestObject["timestamp"] = .string(timestamp.iso8601)
        requestObject["locale"] = .string(locale)
        var user: JSONObject = ["userId": "amzn1.ask.account.TESTUSER"]
        if let token { user["accessToken"] = .string(token) }
        var envelope: JSONObject = ["version": "1.0"]
        if case .some(.some(let isNew)) = session {
            envelope["session"] = [
                "new": .bool(isNew), "sessionId": "amzn1.echo-api.session.test",
                "application": ["applicationId": .string(skillID)], "attributes": .object(sessionAttributes), "user": .object(user),
            ]
        }
        envelope["context"] = [
            "System": [
                "application": ["applicationId": .string(skillID)], "user": .object(user),
                "device": ["deviceId": "amzn1.ask.device.TEST", "supportedInterfaces": [:]],
                "apiEndpoint": "https://api.amazonalexa.com", "apiAccessToken": "test-api-access-token",
            ]
        ]
        envelope["request"] = .object(requestObject)
        return TestRequest(json: .object(envelope))
    }

    /// The envelope as JSON bytes.
    public var bytes: [UInt8] { json.jsonBytes }
}

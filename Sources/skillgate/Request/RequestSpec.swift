import Foundation
import SkillGateModel

/// Everything that varies between generated requests; ``RequestBuilder`` turns it into an envelope
/// by filling a template from `Templates/requests/`.
struct RequestSpec {
    /// The kind of request, and the template it comes from.
    enum Kind: Equatable {
        /// `LaunchRequest` ("open Ride Hailer").
        case launch
        /// `IntentRequest` for the named intent.
        case intent(String)
        /// `SessionEndedRequest` with a reason (`USER_INITIATED`, `ERROR`, `EXCEEDED_MAX_REPROMPTS`).
        case sessionEnded(reason: String)
        /// `CanFulfillIntentRequest` for the named intent.
        case canFulfill(String)
        /// `AlexaSkillEvent.SkillAccountLinked`, sent outside any session after a user links.
        case accountLinked

        /// The template file name in `Templates/requests/`.
        var templateName: String {
            switch self {
            case .launch: "LaunchRequest.json"
            case .intent: "IntentRequest.json"
            case .sessionEnded: "SessionEndedRequest.json"
            case .canFulfill: "CanFulfillIntentRequest.json"
            case .accountLinked: "AlexaSkillEvent.SkillAccountLinked.json"
            }
        }

        /// The intent name, for the kinds that have one.
        var intentName: String? {
            switch self {
            case .intent(let name), .canFulfill(let name): name
            default: nil
            }
        }
    }

    /// The skill ID used when none is given (SkillGate skills with no ID configured accept it).
    static let defaultSkillID = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000"
    /// The user ID used when none is given.
    static let defaultUserID = "amzn1.ask.account.SKILLGATE-LOCAL-USER"

    /// The kind of request.
    var kind: Kind
    /// Slot values in order (`--slot name=value`).
    var slots: [(name: String, value: String)] = []
    /// The account-linking token; nil for an unlinked user (no `accessToken` member at all).
    var accessToken: String?
    /// The request locale.
    var locale = "en-US"
    /// The skill ID in `session.application` and `context.System.application`.
    var skillID = RequestSpec.defaultSkillID
    /// The Alexa user ID.
    var userID = RequestSpec.defaultUserID
    /// The device ID.
    var deviceID = "amzn1.ask.device.SKILLGATE-LOCAL-DEVICE"
    /// The session ID.
    var sessionID = RequestSpec.newSessionID()
    /// Whether this is the first request of its session.
    var sessionNew = true
    /// The session attributes (from the previous response, in a conversation).
    var sessionAttributes = JSONObject()
    /// `request.dialogState`, omitted when nil (skills without a dialog model never see it).
    var dialogState: String?
    /// The request timestamp.
    var timestamp = RequestTimestamp.now()
    /// The request ID.
    var requestID = RequestSpec.newRequestID()

    /// A fresh request ID in Alexa's shape.
    static func newRequestID() -> String { "amzn1.echo-api.request." + UUID().uuidString.lowercased() }

    /// A fresh session ID in Alexa's shape.
    static func newSessionID() -> String { "amzn1.echo-api.session." + UUID().uuidString.lowercased() }

    /// The values for the template's placeholders.
    var fills: [String: TemplateRenderer.Fill] {
        var slotObject = JSONObject()
        for slot in slots {
            slotObject[slot.name] = ["name": .string(slot.name), "value": .string(slot.value), "confirmationStatus": "NONE"]
        }
        var reason = "USER_INITIATED"
        if case .sessionEnded(let given) = kind { reason = given }
        return [
            "skillId": .value(.string(skillID)),
            "userId": .value(.string(userID)),
            "deviceId": .value(.string(deviceID)),
            "accessToken": accessToken.map { .value(.string($0)) } ?? .omit,
            "locale": .value(.string(locale)),
            "requestId": .value(.string(requestID)),
            "timestamp": .value(.string(timestamp.iso8601)),
            "sessionId": .value(.string(sessionID)),
            "sessionNew": .value(.bool(sessionNew)),
            "sessionAttributes": .value(.object(sessionAttributes)),
            "intent": .value(.string(kind.intentName ?? "")),
            "slots": .value(.object(slotObject)),
            "dialogState": dialogState.map { .value(.string($0)) } ?? .omit,
            "reason": .value(.string(reason)),
        ]
    }
}

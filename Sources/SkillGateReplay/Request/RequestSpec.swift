import Foundation
package import SkillGateModel

/// Everything that varies between generated requests; ``RequestBuilder`` turns it into an envelope
/// by filling a template from `Templates/requests/`.
package struct RequestSpec {
    /// The kind of request, and the template it comes from.
    package enum Kind: Equatable {
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
        package var templateName: String {
            switch self {
            case .launch: "LaunchRequest.json"
            case .intent: "IntentRequest.json"
            case .sessionEnded: "SessionEndedRequest.json"
            case .canFulfill: "CanFulfillIntentRequest.json"
            case .accountLinked: "AlexaSkillEvent.SkillAccountLinked.json"
            }
        }

        /// The intent name, for the kinds that have one.
        package var intentName: String? {
            switch self {
            case .intent(let name), .canFulfill(let name): name
            default: nil
            }
        }
    }

    /// The skill ID used when none is given (SkillGate skills with no ID configured accept it).
    package static let defaultSkillID = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000"
    /// The user ID used when none is given.
    package static let defaultUserID = "amzn1.ask.account.SKILLGATE-LOCAL-USER"

    /// The kind of request.
    package var kind: Kind
    /// Slots in order (`--slot name=value`, or resolved from an utterance).
    package var slots: [SlotSpec] = []
    /// `request.intent.confirmationStatus`; nil keeps the template's (`NONE`).
    package var intentConfirmationStatus: String?
    /// `context.System.person`: a recognised speaker; nil for none.
    package var person: PersonSpec?
    /// `context.System.user.permissions`; nil for none.
    package var permissions: PermissionsSpec?
    /// `context.System.device.supportedInterfaces`; nil keeps the template's.
    package var supportedInterfaces: JSONObject?
    /// The account-linking token; nil for an unlinked user (no `accessToken` member at all).
    package var accessToken: String?
    /// The request locale.
    package var locale = "en-US"
    /// The skill ID in `session.application` and `context.System.application`.
    package var skillID = RequestSpec.defaultSkillID
    /// The Alexa user ID.
    package var userID = RequestSpec.defaultUserID
    /// The device ID.
    package var deviceID = "amzn1.ask.device.SKILLGATE-LOCAL-DEVICE"
    /// The session ID.
    package var sessionID = RequestSpec.newSessionID()
    /// Whether this is the first request of its session.
    package var sessionNew = true
    /// The session attributes (from the previous response, in a conversation).
    package var sessionAttributes = JSONObject()
    /// `request.dialogState`, omitted when nil (skills without a dialog model never see it).
    package var dialogState: String?
    /// The request timestamp.
    package var timestamp = RequestTimestamp.now()
    /// The request ID.
    package var requestID = RequestSpec.newRequestID()

    /// A fresh request ID in Alexa's shape.
    package static func newRequestID() -> String { "amzn1.echo-api.request." + UUID().uuidString.lowercased() }

    /// A fresh session ID in Alexa's shape.
    package static func newSessionID() -> String { "amzn1.echo-api.session." + UUID().uuidString.lowercased() }

    /// A request of this kind with every other member defaulted.
    /// - Parameter kind: the kind.
    package init(kind: Kind) {
        self.kind = kind
    }

    /// The values for the template's placeholders.
    package var fills: [String: TemplateRenderer.Fill] {
        var slotObject = JSONObject()
        for slot in slots { slotObject[slot.name] = slot.json }
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

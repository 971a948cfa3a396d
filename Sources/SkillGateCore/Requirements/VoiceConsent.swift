import SkillGateModel

/// How a ``PermissionRequirement`` asks for a permission that is not granted.
public enum ConsentPrompt: Sendable, Hashable {
    /// Speech plus an `AskForPermissionsConsent` card in the Alexa app; the session ends.
    case card
    /// Alexa asks by voice (`Connections.SendRequest` `AskFor`); the answer comes back as a
    /// `Connections.Response` that SkillGate routes to the intent that asked, with its slots.
    /// Accepted: the handler runs. Denied or not answered: the card reply. Amazon offers voice
    /// consent for some permissions only (reminders, timers, and the customer information its
    /// "voice permissions" pages list); use `.card` for the others.
    case voice
}

/// The voice-consent round trip: the `AskFor` directive out, the `Connections.Response` back.
///
/// The directive's `token` carries the asking intent (name and slot values) as JSON behind a
/// prefix, so the answer can resume exactly that intent; Alexa returns the token unchanged.
/// Shapes from Amazon's "Set Up Voice Permissions for Reminders" (`AskForPermissionsConsentRequest`
/// version 1: one `permissionScope` per request; the answer's `payload.status` is `ACCEPTED`,
/// `DENIED` or `NOT_ANSWERED`).
enum VoiceConsent {
    static let tokenPrefix = "skillgate.askfor:"

    /// A voice-consent answer SkillGate asked for.
    struct Answer: Sendable {
        /// The intent to resume, as it was when consent was asked.
        let intent: AlexaIntent
        /// The scope Alexa asked about.
        let scope: String
        /// Whether the user agreed.
        let accepted: Bool
    }

    /// The reply that asks for `permission` by voice, remembering `intent`.
    static func request(for permission: Permission, resuming intent: AlexaIntent) -> SkillResponse {
        let directive: JSONValue = [
            "type": "Connections.SendRequest", "name": "AskFor",
            "payload": [
                "@type": "AskForPermissionsConsentRequest", "@version": "1", "permissionScope": .string(permission.scope),
            ],
            "token": .string(tokenPrefix + token(for: intent)),
        ]
        return SkillResponse(response: Response(directives: [.raw(directive)]))
    }

    /// The answer in `event`, when it is a `Connections.Response` to an `AskFor` SkillGate sent.
    static func answer(in event: EventRequest) -> Answer? {
        guard event.type == "Connections.Response", event.raw["name"]?.stringValue == "AskFor",
            let token = event.raw["token"]?.stringValue, token.hasPrefix(tokenPrefix),
            let intent = intent(fromToken: String(token.dropFirst(tokenPrefix.count)))
        else { return nil }
        let payload = event.raw["payload"]?.objectValue
        let status = payload?["status"]?.stringValue ?? ""
        return Answer(intent: intent, scope: payload?["permissionScope"]?.stringValue ?? "", accepted: status == "ACCEPTED")
    }

    /// `{"name":…,"confirmationStatus":…,"slots":{"slot":"value",…}}`: what a resumed handler needs.
    private static func token(for intent: AlexaIntent) -> String {
        var slots = JSONObject()
        for (name, slot) in intent.slots {
            if let value = slot.value { slots[name] = .string(value) }
        }
        let json: JSONValue = [
            "name": .string(intent.name), "confirmationStatus": .string(intent.confirmationStatus.rawValue), "slots": .object(slots),
        ]
        return json.jsonString
    }

    private static func intent(fromToken token: String) -> AlexaIntent? {
        guard let json = try? JSONParser.parse(token), let name = json["name"]?.stringValue, !name.isEmpty else { return nil }
        var slots: [String: Slot] = [:]
        for member in json["slots"]?.objectValue?.members ?? [] {
            slots[member.key] = Slot(name: member.key, value: member.value.stringValue)
        }
        let confirmation = json["confirmationStatus"]?.stringValue.flatMap(ConfirmationStatus.init(rawValue:)) ?? .none
        return AlexaIntent(name: name, confirmationStatus: confirmation, slots: slots)
    }
}

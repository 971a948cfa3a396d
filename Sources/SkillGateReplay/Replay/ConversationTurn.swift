package import SkillGateModel

/// One step of a conversation: what the user does (one action), what the request carries, and
/// what the answer must look like.
///
/// ```json
/// {"say": "get me a ride to work", "dialogState": "STARTED", "expect": {...}}
/// {"intent": "OrderRideIntent", "slots": {"destination": {"value": "work", "confirmationStatus": "CONFIRMED"}},
///  "confirmationStatus": "CONFIRMED", "dialogState": "COMPLETED"}
/// {"say": "order me a pizza", "fallback": true}
/// ```
package struct ConversationTurn {
    /// What the user does.
    package enum Action {
        /// Opens the skill.
        case launch
        /// Says something that maps to this intent (slots as written, no resolution).
        case intent(String)
        /// Says this; resolved against the interaction model. `fallback`: it must reach
        /// AMAZON.FallbackIntent.
        case say(String, fallback: Bool)
        /// Ends the session (silence, "exit", an error).
        case sessionEnded(reason: String)
        /// Alexa asks whether the skill could handle an intent (outside the conversation's session).
        case canFulfill(String)
        /// The user linked their account in the Alexa app (an event outside any session).
        case accountLinked

        /// Whether this turn ends the session whatever the skill answers.
        package var isSessionEnd: Bool {
            if case .sessionEnded = self { return true }
            return false
        }
    }

    /// The action members; a turn has exactly one.
    static let actionKeys = ["launch", "intent", "say", "sessionEnded", "canFulfill", "accountLinked"]
    /// The other members a turn may have.
    static let otherKeys = ContextChange.keys + ["slots", "dialogState", "confirmationStatus", "fallback", "expect", "comment"]

    /// What the user does.
    package let action: Action
    /// Slots as written (for `say`: only confirmation statuses).
    package let slots: [SlotSpec]
    /// `request.dialogState`.
    package let dialogState: String?
    /// The intent's `confirmationStatus`.
    package let confirmationStatus: String?
    /// Who is talking, on what, from this turn on.
    package let change: ContextChange
    /// What the answer must look like.
    package let expectation: Expectation?

    /// Reads a turn.
    /// - Parameters:
    ///   - json: the turn object.
    ///   - source: `FILE turn N`, for messages.
    /// - Throws: ``CLIError`` `.io` naming what is wrong.
    package init(_ json: JSONValue, source: String) throws(CLIError) {
        guard let object = json.objectValue else { throw .io("\(source): a turn must be an object") }
        let actions = Self.actionKeys.joined(separator: ", ")
        for key in object.keys where !(Self.actionKeys + Self.otherKeys).contains(key) {
            throw .io("\(source): unknown member \"\(key)\"; a turn has one of \(actions), plus \(Self.otherKeys.joined(separator: ", "))")
        }
        let present = object.keys.filter(Self.actionKeys.contains)
        guard present.count == 1, let key = present.first, let value = object[key] else {
            throw .io("\(source): a turn needs exactly one of \(actions)")
        }
        let fallback = object["fallback"]
        if let fallback, fallback.boolValue == nil || key != "say" {
            throw .io("\(source): \"fallback\" is true or false, on a say turn")
        }
        switch key {
        case "launch": action = .launch
        case "accountLinked": action = .accountLinked
        case "sessionEnded":
            action = .sessionEnded(
                reason: try RequestValues.check(
                    value.stringValue ?? "USER_INITIATED", in: RequestValues.sessionEndedReasons, "\(source): sessionEnded",
                    failure: CLIError.io))
        case "say":
            guard let text = value.stringValue, !text.isEmpty else { throw .io("\(source): \"say\" needs what the user says") }
            action = .say(text, fallback: fallback?.boolValue ?? false)
        default:
            guard let name = value.stringValue, !name.isEmpty else { throw .io("\(source): \"\(key)\" needs an intent name") }
            action = key == "intent" ? .intent(name) : .canFulfill(name)
        }
        let takesIntent = ["intent", "say", "canFulfill"].contains(key)
        slots = try Self.slots(object["slots"], say: key == "say", source: source)
        if !slots.isEmpty && !takesIntent { throw .io("\(source): \"slots\" belongs to intent, say and canFulfill turns") }
        dialogState = try object["dialogState"].map { value throws(CLIError) in
            try RequestValues.check(
                value.stringValue ?? value.jsonString, in: RequestValues.dialogStates, "\(source): dialogState", failure: CLIError.io)
        }
        confirmationStatus = try object["confirmationStatus"].map { value throws(CLIError) in
            try RequestValues.check(
                value.stringValue ?? value.jsonString, in: RequestValues.confirmationStatuses, "\(source): confirmationStatus",
                failure: CLIError.io)
        }
        if (dialogState != nil || confirmationStatus != nil) && !(key == "intent" || key == "say") {
            throw .io("\(source): dialogState and confirmationStatus belong to intent and say turns")
        }
        change = try ContextChange(object, source: source)
        expectation = try object["expect"].map { value throws(CLIError) in try Expectation(json: value, source: source) }
    }

    /// `{"name": "value"}` or `{"name": {"value": "...", "confirmationStatus": "CONFIRMED"}}`; a say
    /// turn's slots come from the utterance, so there only a confirmation status may be given.
    private static func slots(_ value: JSONValue?, say: Bool, source: String) throws(CLIError) -> [SlotSpec] {
        guard let value else { return [] }
        guard let object = value.objectValue else { throw .io("\(source): \"slots\" must be an object of name: value") }
        var result: [SlotSpec] = []
        for member in object {
            let label = "\(source): slot \"\(member.key)\""
            if say && (member.value.stringValue != nil || member.value["value"] != nil) {
                throw .io("\(label): a say turn's slot values come from what the user says; give only {\"confirmationStatus\": ...}")
            }
            if let text = member.value.stringValue {
                result.append(SlotSpec(name: member.key, value: text))
                continue
            }
            guard let slot = member.value.objectValue, slot.keys.allSatisfy(["value", "confirmationStatus"].contains),
                slot["value"].map({ $0.stringValue != nil }) ?? true
            else {
                throw .io("\(label) must be a string or {\"value\": \"...\", \"confirmationStatus\": \"CONFIRMED\"}")
            }
            let status = try RequestValues.check(
                slot["confirmationStatus"]?.stringValue ?? "NONE", in: RequestValues.confirmationStatuses, "\(label) confirmationStatus",
                failure: CLIError.io)
            result.append(SlotSpec(name: member.key, value: slot["value"]?.stringValue, confirmationStatus: status))
        }
        return result
    }
}

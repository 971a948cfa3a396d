package import SkillGateModel

/// A conversation: who is talking, and the turns to play in order.
///
/// ```json
/// {
///   "conversation": {"user": {"token": "demo-token-alice"}, "locale": "en-US", "skillId": "amzn1.ask.skill.ride-hailer"},
///   "turns": [
///     {"launch": {}},
///     {"intent": "OrderRideIntent", "slots": {"destination": "work"}, "expect": {"shouldEndSession": false}},
///     {"intent": "AMAZON.YesIntent", "expect": {"speechContains": "is booked"}},
///     {"sessionEnded": "USER_INITIATED"}
///   ]
/// }
/// ```
package struct ConversationDocument {
    /// One step of the conversation.
    package struct Turn {
        /// What the user does.
        enum Action {
            /// Opens the skill.
            case launch
            /// Says something that maps to an intent.
            case intent(String, slots: [SlotSpec])
            /// Ends the session (silence, "exit", an error).
            case sessionEnded(reason: String)
            /// Alexa asks whether the skill could handle an intent (outside the conversation's session).
            case canFulfill(String, slots: [SlotSpec])
            /// The user linked their account in the Alexa app (an event outside any session).
            case accountLinked
        }

        /// What the user does.
        let action: Action
        /// A new user from this turn on: `.some(nil)` for unlinked, `.some(token)` for linked.
        let user: String??
        /// What the answer must look like.
        let expectation: Expectation?
    }

    /// The file.
    package let path: String
    /// The whole file as read (`--update` rewrites the turns' `expect`).
    package let json: JSONValue
    /// The access token of the user at the start; nil for an unlinked user.
    package let token: String?
    /// The request locale.
    package let locale: String
    /// The skill ID in every request.
    package let skillID: String
    /// The Alexa user ID.
    package let userID: String
    /// The turns in order.
    package let turns: [Turn]

    /// Reads a conversation.
    /// - Parameters:
    ///   - path: the file.
    ///   - json: its parsed contents.
    /// - Throws: ``CLIError`` `.io` naming the member that is wrong.
    package init(path: String, json: JSONValue) throws(CLIError) {
        self.path = path
        self.json = json
        for key in json.objectValue?.keys ?? [] where !["conversation", "turns", "comment"].contains(key) {
            throw .io("\(path): unknown member \"\(key)\"; a conversation has \"conversation\", \"turns\" and \"comment\"")
        }
        let settings = json["conversation"] ?? [:]
        guard let settingsObject = settings.objectValue else { throw .io("\(path): \"conversation\" must be an object") }
        for key in settingsObject.keys where !["user", "locale", "skillId", "userId", "comment"].contains(key) {
            throw .io("\(path): unknown member conversation.\(key); use user, locale, skillId, userId")
        }
        token = try Self.user(settings["user"] ?? "unlinked", source: "\(path): conversation.user") ?? nil
        locale = try Self.string(settings["locale"], default: "en-US", "\(path): conversation.locale")
        skillID = try Self.string(settings["skillId"], default: RequestSpec.defaultSkillID, "\(path): conversation.skillId")
        userID = try Self.string(settings["userId"], default: RequestSpec.defaultUserID, "\(path): conversation.userId")
        guard let turnList = json["turns"]?.arrayValue, !turnList.isEmpty else {
            throw .io("\(path): \"turns\" must be a non-empty list")
        }
        var turns: [Turn] = []
        for (index, turn) in turnList.enumerated() {
            turns.append(try Self.turn(turn, source: "\(path) turn \(index + 1)"))
        }
        self.turns = turns
    }

    private static let actionKeys = ["launch", "intent", "sessionEnded", "canFulfill", "accountLinked"]

    private static func turn(_ json: JSONValue, source: String) throws(CLIError) -> Turn {
        guard let object = json.objectValue else { throw .io("\(source): a turn must be an object") }
        for key in object.keys where !(actionKeys + ["slots", "user", "expect", "comment"]).contains(key) {
            throw .io(
                "\(source): unknown member \"\(key)\"; a turn has one of \(actionKeys.joined(separator: ", ")), plus slots, user, expect")
        }
        let actions = object.keys.filter(actionKeys.contains)
        guard actions.count == 1, let key = actions.first, let value = object[key] else {
            throw .io("\(source): a turn needs exactly one of \(actionKeys.joined(separator: ", "))")
        }
        let slots = try slotList(object["slots"], source: source)
        let action: Turn.Action
        switch key {
        case "launch": action = .launch
        case "accountLinked": action = .accountLinked
        case "sessionEnded":
            action = .sessionEnded(reason: value.stringValue ?? "USER_INITIATED")
        default:
            guard let name = value.stringValue, !name.isEmpty else { throw .io("\(source): \"\(key)\" needs an intent name") }
            action = key == "intent" ? .intent(name, slots: slots) : .canFulfill(name, slots: slots)
        }
        if !slots.isEmpty, key != "intent", key != "canFulfill" {
            throw .io("\(source): \"slots\" belongs to intent and canFulfill turns")
        }
        var user: String??
        if let value = object["user"] { user = try Self.user(value, source: "\(source): user") }
        let expectation = try object["expect"].map { value throws(CLIError) in try Expectation(json: value, source: source) }
        return Turn(action: action, user: user, expectation: expectation)
    }

    /// `"unlinked"` → nil token; `{"token": "…"}` → that token.
    private static func user(_ value: JSONValue, source: String) throws(CLIError) -> String?? {
        if value.stringValue == "unlinked" { return .some(nil) }
        if let token = value["token"]?.stringValue, !token.isEmpty { return .some(token) }
        throw .io("\(source) must be \"unlinked\" or {\"token\": \"...\"}")
    }

    private static func slotList(_ value: JSONValue?, source: String) throws(CLIError) -> [SlotSpec] {
        guard let value else { return [] }
        guard let object = value.objectValue else { throw .io("\(source): \"slots\" must be an object of name: value") }
        var result: [SlotSpec] = []
        for member in object {
            guard let text = member.value.stringValue else { throw .io("\(source): slot \"\(member.key)\" must be a string") }
            result.append(SlotSpec(name: member.key, value: text))
        }
        return result
    }

    private static func string(_ value: JSONValue?, default fallback: String, _ source: String) throws(CLIError) -> String {
        guard let value else { return fallback }
        guard let text = value.stringValue else { throw .io("\(source) must be a string") }
        return text
    }
}

import SkillGateModel

/// A conversation: who is talking, and the turns to play in order.
///
/// ```json
/// {
///   "conversation": {"user": {"token": "demo-token-alice"}, "locale": "en-US", "skillId": "amzn1.ask.skill.ride-hailer"},
///   "turns": [
///     {"say": "open ride hailer"},
///     {"say": "get me a ride to the office", "expect": {"shouldEndSession": false}},
///     {"intent": "AMAZON.YesIntent", "expect": {"speechContains": "is booked"}},
///     {"sessionEnded": "USER_INITIATED"}
///   ]
/// }
/// ```
package struct ConversationDocument {
    /// The file (`--update` rewrites the turns' `expect`).
    package let file: ReplayFile
    /// The skill ID in every request.
    package let skillID: String
    /// Who is talking, on what, at the start.
    package let context: TurnContext
    /// The turns in order.
    package let turns: [ConversationTurn]

    /// Reads a conversation.
    /// - Parameter file: the file.
    /// - Throws: ``CLIError`` `.io` naming the member that is wrong.
    package init(_ file: ReplayFile) throws(CLIError) {
        self.file = file
        let (path, json) = (file.path, file.json)
        for key in json.objectValue?.keys ?? [] where !["conversation", "turns", "comment"].contains(key) {
            throw .io("\(path): unknown member \"\(key)\"; a conversation has \"conversation\", \"turns\" and \"comment\"")
        }
        guard let settings = (json["conversation"] ?? [:]).objectValue else { throw .io("\(path): \"conversation\" must be an object") }
        let known = ContextChange.keys + ["skillId", "comment"]
        for key in settings.keys where !known.contains(key) {
            throw .io("\(path): unknown member conversation.\(key); use \(known.dropLast().joined(separator: ", "))")
        }
        context = try ContextChange(settings, source: "\(path): conversation").applied(to: TurnContext())
        if let value = settings["skillId"] {
            guard let text = value.stringValue, !text.isEmpty else { throw .io("\(path): conversation.skillId must be a string") }
            skillID = text
        } else {
            skillID = RequestSpec.defaultSkillID
        }
        guard let turnList = json["turns"]?.arrayValue, !turnList.isEmpty else {
            throw .io("\(path): \"turns\" must be a non-empty list")
        }
        var turns: [ConversationTurn] = []
        for (index, turn) in turnList.enumerated() {
            turns.append(try ConversationTurn(turn, source: "\(path) turn \(index + 1)"))
        }
        self.turns = turns
    }
}

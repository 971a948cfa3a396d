import SkillGateModel

/// The kinds of file `replay` reads, told apart by shape.
package enum ReplayFileKind {
    /// `{"conversation": {...}, "turns": [...]}`.
    case conversation
    /// A request envelope, bare or wrapped as `{"envelope": ..., "expect": ...}`.
    case request
    /// `ask dialog --replay`: `{"skillId", "locale", "type": "text", "userInput": [...]}`.
    case askReplay
    /// `ask dialog --save-skill-io`: `{"invocations": [{"request": ..., "response": ...}]}`.
    case skillIO

    /// The shapes, for the message about a file that is none of them.
    static let shapes =
        "a request envelope, {\"envelope\": ..., \"expect\": ...}, {\"conversation\": ..., \"turns\": [...]}, an ask dialog --replay file ({\"userInput\": [...]}) or an ask dialog --save-skill-io recording ({\"invocations\": [...]})"

    /// The kind of a parsed file; nil when it is none of them.
    /// - Parameter json: the file's contents.
    init?(_ json: JSONValue) {
        if json["conversation"] != nil || json["turns"] != nil {
            self = .conversation
        } else if json["userInput"] != nil {
            self = .askReplay
        } else if json["invocations"] != nil {
            self = .skillIO
        } else if json["envelope"] != nil || json["request"]?["type"] != nil {
            self = .request
        } else {
            return nil
        }
    }
}

import SkillGateModel

extension Command {
    /// An interaction model for the invocation name `ride hailer`, as an ASK `en-US.json` holds it.
    /// - Parameters:
    ///   - intents: the `intents` list.
    ///   - types: the `types` list.
    /// - Returns: the whole document.
    static func rideHailerModel(intents: [JSONValue], types: [JSONValue]) -> JSONValue {
        ["interactionModel": ["languageModel": ["invocationName": "ride hailer", "intents": .array(intents), "types": .array(types)]]]
    }
}

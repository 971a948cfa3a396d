import SkillGateModel

/// The parts of an interaction model (`interactionModels/custom/<locale>.json` in the ASK CLI
/// layout) that `lint` compares with a skill's routes.
struct InteractionModel {
    /// One intent of the model.
    struct Intent {
        /// The intent name.
        let name: String
        /// Slot names and their types.
        let slots: [(name: String, type: String)]
        /// How many sample utterances it has.
        let sampleCount: Int
    }

    /// The file.
    let path: String
    /// `languageModel.invocationName`.
    let invocationName: String?
    /// The intents in file order.
    let intents: [Intent]
    /// The custom slot types the model defines.
    let slotTypes: Set<String>

    /// Reads a model file.
    /// - Parameter path: the file.
    /// - Throws: ``CLIError`` `.io` when it is not an interaction model.
    init(path: String) throws(CLIError) {
        self.path = path
        let json = try FileSystem.readJSON(path)
        guard let language = json["interactionModel"]?["languageModel"], let intentList = language["intents"]?.arrayValue else {
            throw .io("\(path) is not an interaction model: expected {\"interactionModel\": {\"languageModel\": {\"intents\": [...]}}}")
        }
        invocationName = language["invocationName"]?.stringValue
        var intents: [Intent] = []
        for (index, intent) in intentList.enumerated() {
            guard let name = intent["name"]?.stringValue else { throw .io("\(path): intents[\(index)] has no name") }
            let slots = (intent["slots"]?.arrayValue ?? []).map { slot in
                (name: slot["name"]?.stringValue ?? "?", type: slot["type"]?.stringValue ?? "?")
            }
            intents.append(Intent(name: name, slots: slots, sampleCount: intent["samples"]?.arrayValue?.count ?? 0))
        }
        self.intents = intents
        slotTypes = Set((language["types"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue })
    }
}

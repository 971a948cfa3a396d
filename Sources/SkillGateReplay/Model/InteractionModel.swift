package import SkillGateModel

/// An interaction model (`skill-package/interactionModels/custom/<locale>.json` in the ASK CLI
/// layout): what `lint` compares with a skill's routes and what utterances are resolved against.
package struct InteractionModel {
    /// One value of a custom slot type: its canonical name, ID and synonyms.
    package struct SlotValue {
        /// `id`, when the model gives one.
        package let id: String?
        /// `name.value`: the canonical value.
        package let name: String
        /// `name.synonyms`.
        package let synonyms: [String]
    }

    /// A custom slot type (`languageModel.types[]`).
    package struct SlotType {
        /// The type name, e.g. `DestinationType`.
        package let name: String
        /// Its values in file order.
        package let values: [SlotValue]
    }

    /// A slot an intent declares.
    package struct Slot {
        /// The slot name, as in `{destination}`.
        package let name: String
        /// Its type: a custom type or an `AMAZON.` built-in.
        package let type: String
        /// Slot samples (what a user says when Alexa asks for this slot in a dialog).
        package let samples: [String]
    }

    /// One intent of the model.
    package struct Intent {
        /// The intent name.
        package let name: String
        /// The slots it declares, in order.
        package let slots: [Slot]
        /// Its sample utterances, in order.
        package let samples: [String]

        /// How many sample utterances it has.
        package var sampleCount: Int { samples.count }

        /// The slot with this name.
        /// - Parameter name: the slot name.
        package func slot(named name: String) -> Slot? { slots.first { $0.name == name } }
    }

    /// The file.
    package let path: String
    /// `languageModel.invocationName`.
    package let invocationName: String?
    /// The intents in file order.
    package let intents: [Intent]
    /// The custom slot types in file order.
    package let types: [SlotType]

    /// The names of the custom slot types the model defines.
    package var slotTypes: Set<String> { Set(types.map(\.name)) }

    /// The intent with this name.
    /// - Parameter name: the intent name.
    package func intent(named name: String) -> Intent? { intents.first { $0.name == name } }

    /// The custom slot type with this name.
    /// - Parameter name: the type name.
    package func type(named name: String) -> SlotType? { types.first { $0.name == name } }

    /// Reads a model file.
    /// - Parameter path: the file.
    /// - Throws: ``CLIError`` `.io` when it is not an interaction model.
    package init(path: String) throws(CLIError) {
        try self.init(json: try FileSystem.readJSON(path), path: path)
    }

    /// Reads a parsed model.
    /// - Parameters:
    ///   - json: the document.
    ///   - path: where it came from, for messages.
    /// - Throws: ``CLIError`` `.io` when it is not an interaction model.
    package init(json: JSONValue, path: String) throws(CLIError) {
        self.path = path
        guard let language = json["interactionModel"]?["languageModel"], let intentList = language["intents"]?.arrayValue else {
            throw .io("\(path) is not an interaction model: expected {\"interactionModel\": {\"languageModel\": {\"intents\": [...]}}}")
        }
        invocationName = language["invocationName"]?.stringValue
        var intents: [Intent] = []
        for (index, intent) in intentList.enumerated() {
            guard let name = intent["name"]?.stringValue else { throw .io("\(path): intents[\(index)] has no name") }
            let slots = (intent["slots"]?.arrayValue ?? []).map { slot in
                Slot(
                    name: slot["name"]?.stringValue ?? "?", type: slot["type"]?.stringValue ?? "?",
                    samples: Self.strings(slot["samples"]))
            }
            intents.append(Intent(name: name, slots: slots, samples: Self.strings(intent["samples"])))
        }
        self.intents = intents
        types = (language["types"]?.arrayValue ?? []).compactMap { type in
            guard let name = type["name"]?.stringValue else { return nil }
            let values = (type["values"]?.arrayValue ?? []).compactMap { value -> SlotValue? in
                guard let canonical = value["name"]?["value"]?.stringValue else { return nil }
                return SlotValue(id: value["id"]?.stringValue, name: canonical, synonyms: Self.strings(value["name"]?["synonyms"]))
            }
            return SlotType(name: name, values: values)
        }
    }

    private static func strings(_ value: JSONValue?) -> [String] {
        (value?.arrayValue ?? []).compactMap(\.stringValue)
    }
}

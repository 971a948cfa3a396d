import SkillGateReplay

extension RequestOptions {
    /// The request to build: the utterance (if any) resolved against the interaction model, and
    /// the slot confirmations applied.
    /// - Returns: the request and, for an utterance, what it resolved to.
    /// - Throws: ``CLIError`` `.io` when the model cannot be found or nothing in it matches.
    func resolvedSpec() throws(CLIError) -> (spec: RequestSpec, resolution: String?) {
        var spec = self.spec
        var resolution: String?
        if let utterance {
            let path = try ModelLocator.find(
                explicit: model, from: ".", locale: spec.locale, purpose: "utter needs the skill's interaction model")
            let resolver = UtteranceResolver(model: try InteractionModel(path: path), skillID: spec.skillID)
            let resolved = try resolver.resolve(utterance, dialogState: spec.dialogState, fallback: fallback)
            switch resolved {
            case .launch: spec.kind = .launch
            case .sessionEnded: spec.kind = .sessionEnded(reason: "USER_INITIATED")
            case .intent(let name, let slots, _):
                spec.kind = .intent(name)
                spec.slots = slots
            }
            resolution = "\"\(utterance)\" is \(resolved.summary) (\(path))"
        }
        for (name, status) in slotConfirmations {
            if let index = spec.slots.firstIndex(where: { $0.name == name }) {
                spec.slots[index].confirmationStatus = status
            } else {
                spec.slots.append(SlotSpec(name: name, value: nil, confirmationStatus: status))
            }
        }
        return (spec, resolution)
    }
}

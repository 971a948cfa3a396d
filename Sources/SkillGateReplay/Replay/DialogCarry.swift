import SkillGateModel

/// The intent a dialog is filling in, as Alexa carries it between turns: after an answer with a
/// `Dialog.*` directive (Delegate, ElicitSlot, ConfirmSlot, ConfirmIntent), the next request for
/// the same intent in dialog state `IN_PROGRESS` or `COMPLETED` carries the slots gathered so far:
/// the directive's `updatedIntent` if it has one, else the intent of the request it answered.
enum DialogCarry {
    /// The intent a dialog continues with after an answer, or nil when the answer has no dialog directive.
    /// - Parameters:
    ///   - answer: the skill's answer.
    ///   - envelope: the request it answered.
    static func intent(after answer: SkillAnswer, to envelope: JSONValue) -> JSONValue? {
        let directives = answer.response?["directives"]?.arrayValue ?? []
        guard let dialog = directives.first(where: { $0["type"]?.stringValue?.hasPrefix("Dialog.") == true }) else { return nil }
        return dialog["updatedIntent"] ?? envelope["request"]?["intent"]
    }

    /// The request's slots with the dialog's filled in where the turn leaves them unfilled.
    /// - Parameters:
    ///   - spec: the turn's request.
    ///   - dialog: the intent the dialog continues with.
    static func apply(_ dialog: JSONValue?, to spec: inout RequestSpec) {
        guard let dialog, case .intent(let name) = spec.kind, dialog["name"]?.stringValue == name,
            spec.dialogState == "IN_PROGRESS" || spec.dialogState == "COMPLETED"
        else { return }
        for member in dialog["slots"]?.objectValue ?? [:] {
            guard let value = member.value["value"]?.stringValue else { continue }
            let carried = SlotSpec(
                name: member.key, value: value, confirmationStatus: member.value["confirmationStatus"]?.stringValue ?? "NONE",
                resolutions: member.value["resolutions"])
            if let index = spec.slots.firstIndex(where: { $0.name == member.key }) {
                if spec.slots[index].value == nil {
                    let status = spec.slots[index].confirmationStatus
                    spec.slots[index] = carried
                    if status != "NONE" { spec.slots[index].confirmationStatus = status }
                }
            } else {
                spec.slots.append(carried)
            }
        }
    }
}

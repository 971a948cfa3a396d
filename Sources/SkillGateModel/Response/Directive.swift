/// A directive in a response: the dialog directives, or any other directive as raw JSON.
public enum Directive: Sendable, Hashable {
    /// `Dialog.Delegate`: let Alexa drive the next dialog turn.
    case dialogDelegate(updatedIntent: AlexaIntent?)
    /// `Dialog.ElicitSlot`: ask the user for a slot's value.
    case elicitSlot(String, updatedIntent: AlexaIntent?)
    /// `Dialog.ConfirmSlot`: ask the user to confirm a slot's value.
    case confirmSlot(String, updatedIntent: AlexaIntent?)
    /// `Dialog.ConfirmIntent`: ask the user to confirm the whole intent.
    case confirmIntent(updatedIntent: AlexaIntent?)
    /// Any other directive (AudioPlayer.Play, APL RenderDocument, …) as JSON with a `type` member.
    case raw(JSONValue)

    /// The directive's `type`.
    public var type: String {
        switch self {
        case .dialogDelegate: "Dialog.Delegate"
        case .elicitSlot: "Dialog.ElicitSlot"
        case .confirmSlot: "Dialog.ConfirmSlot"
        case .confirmIntent: "Dialog.ConfirmIntent"
        case .raw(let json): json["type"]?.stringValue ?? ""
        }
    }

    /// Whether this is one of the `Dialog.*` directives.
    public var isDialog: Bool { type.hasPrefix("Dialog.") }

    /// Writes the directive object.
    /// - Parameter writer: the JSON writer.
    public func write(to writer: inout JSONWriter) {
        switch self {
        case .raw(let json):
            writer.value(json)
            return
        case .dialogDelegate(let intent), .confirmIntent(let intent):
            writer.beginObject()
            writer.member("type", type)
            Self.write(intent, to: &writer)
        case .elicitSlot(let slot, let intent):
            writer.beginObject()
            writer.member("type", type)
            writer.member("slotToElicit", slot)
            Self.write(intent, to: &writer)
        case .confirmSlot(let slot, let intent):
            writer.beginObject()
            writer.member("type", type)
            writer.member("slotToConfirm", slot)
            Self.write(intent, to: &writer)
        }
        writer.endObject()
    }

    private static func write(_ intent: AlexaIntent?, to writer: inout JSONWriter) {
        guard let intent else { return }
        writer.key("updatedIntent")
        writer.beginObject()
        writer.member("name", intent.name)
        writer.member("confirmationStatus", intent.confirmationStatus.rawValue)
        writer.key("slots")
        writer.beginObject()
        for name in intent.slots.keys.sorted() {
            guard let slot = intent.slots[name] else { continue }
            writer.key(name)
            writer.beginObject()
            writer.member("name", slot.name)
            if let value = slot.value { writer.member("value", value) }
            writer.member("confirmationStatus", slot.confirmationStatus.rawValue)
            writer.endObject()
        }
        writer.endObject()
        writer.endObject()
    }
}

/// An IntentRequest: the user asked for something.
public struct IntentRequest: Sendable, Hashable {
    /// Where a multi-turn dialog stands.
    public enum DialogState: String, Sendable, Hashable {
        /// The first turn of a dialog.
        case started = "STARTED"
        /// A later turn.
        case inProgress = "IN_PROGRESS"
        /// Every required slot is filled and confirmed.
        case completed = "COMPLETED"
    }

    /// ID, timestamp, locale.
    public var header: RequestHeader
    /// The dialog's state, when the intent has a dialog model.
    public var dialogState: DialogState?
    /// The intent and its slots.
    public var intent: AlexaIntent

    /// The intent's slots by name (shorthand for `intent.slots`).
    public var slots: [String: Slot] { intent.slots }

    /// Creates an intent request.
    /// - Parameters:
    ///   - header: ID, timestamp, locale.
    ///   - dialogState: the dialog state.
    ///   - intent: the intent.
    public init(header: RequestHeader, dialogState: DialogState? = nil, intent: AlexaIntent) {
        self.header = header
        self.dialogState = dialogState
        self.intent = intent
    }

    init(reader: inout JSONReader) throws(RequestDecodingError) {
        var header = RequestHeader()
        var dialogState: DialogState?, intent: AlexaIntent?
        try reader.members { reader, key throws(RequestDecodingError) in
            if try header.readMember(key, from: &reader) { return }
            if key == "dialogState" {
                dialogState = try reader.optionalString().flatMap(DialogState.init(rawValue:))
            } else if key == "intent" {
                intent = try reader.optional { reader throws(RequestDecodingError) in try AlexaIntent(reader: &reader) }
            } else {
                try reader.skip()
            }
        }
        guard let intent else { throw RequestDecodingError(path: "intent", problem: "is missing") }
        self.init(header: header, dialogState: dialogState, intent: intent)
    }
}

/// Whether the user confirmed an intent or slot.
public enum ConfirmationStatus: String, Sendable, Hashable {
    /// Not asked, or no answer yet.
    case none = "NONE"
    /// The user said yes.
    case confirmed = "CONFIRMED"
    /// The user said no.
    case denied = "DENIED"
}

/// An intent with its slots.
public struct AlexaIntent: Sendable, Hashable {
    /// The intent's name, e.g. `OrderRideIntent`.
    public var name: String
    /// Whether the user confirmed the whole intent.
    public var confirmationStatus: ConfirmationStatus
    /// The slots by name.
    public var slots: [String: Slot]

    /// Creates an intent.
    /// - Parameters:
    ///   - name: the intent name.
    ///   - confirmationStatus: the confirmation status.
    ///   - slots: the slots by name.
    public init(name: String, confirmationStatus: ConfirmationStatus = .none, slots: [String: Slot] = [:]) {
        self.name = name
        self.confirmationStatus = confirmationStatus
        self.slots = slots
    }

    init(reader: inout JSONReader) throws(RequestDecodingError) {
        var name: String?, confirmationStatus = ConfirmationStatus.none
        var slots: [String: Slot] = [:]
        try reader.members { reader, key throws(RequestDecodingError) in
            if key == "name" {
                name = try reader.optionalString()
            } else if key == "confirmationStatus" {
                confirmationStatus = try reader.optionalString().flatMap(ConfirmationStatus.init(rawValue:)) ?? .none
            } else if key == "slots" {
                _ = try reader.optional { reader throws(RequestDecodingError) in
                    try reader.members { reader, slotKey throws(RequestDecodingError) in
                        let slotName = slotKey.string
                        let slot = try reader.optional { reader throws(RequestDecodingError) in
                            try Slot(reader: &reader, key: slotName)
                        }
                        if let slot { slots[slotName] = slot }
                    }
                }
            } else {
                try reader.skip()
            }
        }
        guard let name else { throw RequestDecodingError(path: "name", problem: "is missing") }
        self.init(name: name, confirmationStatus: confirmationStatus, slots: slots)
    }
}

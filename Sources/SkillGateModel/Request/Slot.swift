/// A slot: what the user said for one variable part of an utterance.
public struct Slot: Sendable, Hashable {
    /// The slot's name.
    public var name: String
    /// What the user said, when the slot is filled.
    public var value: String?
    /// Whether the user confirmed this slot.
    public var confirmationStatus: ConfirmationStatus
    /// Entity resolution results: how the value maps to the slot type's values.
    public var resolutions: [Resolution]
    /// The `slotValue` object (multiple-value slots), kept as JSON.
    public var slotValue: JSONValue?

    /// Creates a slot.
    /// - Parameters:
    ///   - name: the slot name.
    ///   - value: the spoken value.
    ///   - confirmationStatus: the confirmation status.
    ///   - resolutions: entity resolution results.
    ///   - slotValue: the raw `slotValue` object.
    public init(
        name: String, value: String? = nil, confirmationStatus: ConfirmationStatus = .none, resolutions: [Resolution] = [],
        slotValue: JSONValue? = nil
    ) {
        self.name = name
        self.value = value
        self.confirmationStatus = confirmationStatus
        self.resolutions = resolutions
        self.slotValue = slotValue
    }

    /// The ID of the first value of the first successful resolution (`ER_SUCCESS_MATCH`).
    public var resolvedID: String? { firstMatch?.id }
    /// The canonical name of the first value of the first successful resolution.
    public var resolvedName: String? { firstMatch?.name }

    private var firstMatch: Resolution.Value? {
        resolutions.first { $0.statusCode == "ER_SUCCESS_MATCH" }?.values.first
    }

    init(reader: inout JSONReader, key: String) throws(RequestDecodingError) {
        self.init(name: key)
        try reader.members { reader, member throws(RequestDecodingError) in
            if member == "name" {
                name = try reader.optionalString() ?? key
            } else if member == "value" {
                value = try reader.optionalString()
            } else if member == "confirmationStatus" {
                confirmationStatus = try reader.optionalString().flatMap(ConfirmationStatus.init(rawValue:)) ?? .none
            } else if member == "slotValue" {
                slotValue = try reader.optional { reader throws(RequestDecodingError) in try reader.jsonValue() }
            } else if member == "resolutions" {
                _ = try reader.optional { reader throws(RequestDecodingError) in
                    try reader.members { reader, inner throws(RequestDecodingError) in
                        guard inner == "resolutionsPerAuthority" else { return try reader.skip() }
                        _ = try reader.optional { reader throws(RequestDecodingError) in
                            try reader.elements { reader throws(RequestDecodingError) in
                                resolutions.append(try Resolution(reader: &reader))
                            }
                        }
                    }
                }
            } else {
                try reader.skip()
            }
        }
    }
}

/// A CanFulfillIntentRequest: could the skill fulfil this intent? Answer without side effects.
public struct CanFulfillIntentRequest: Sendable, Hashable {
    /// ID, timestamp, locale.
    public var header: RequestHeader
    /// The intent being asked about.
    public var intent: AlexaIntent

    /// Creates a can-fulfill request.
    /// - Parameters:
    ///   - header: ID, timestamp, locale.
    ///   - intent: the intent.
    public init(header: RequestHeader, intent: AlexaIntent) {
        self.header = header
        self.intent = intent
    }

    init(reader: inout JSONReader) throws(RequestDecodingError) {
        var header = RequestHeader()
        var intent: AlexaIntent?
        try reader.members { reader, key throws(RequestDecodingError) in
            if try header.readMember(key, from: &reader) { return }
            if key == "intent" {
                intent = try reader.optional { reader throws(RequestDecodingError) in try AlexaIntent(reader: &reader) }
            } else {
                try reader.skip()
            }
        }
        guard let intent else { throw RequestDecodingError(path: "intent", problem: "is missing") }
        self.init(header: header, intent: intent)
    }
}

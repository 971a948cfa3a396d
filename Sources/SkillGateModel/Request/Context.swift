/// The `context` object: the state of the device and of Alexa's services at request time.
public struct Context: Sendable, Hashable {
    /// `context.System`.
    public var system: SystemContext
    /// The `context` object's JSON as received (sharing the request body's storage); parsed
    /// only when ``raw`` is read.
    public var rawBytes: ArraySlice<UInt8>

    /// Creates a context.
    /// - Parameters:
    ///   - system: the System object.
    ///   - raw: the whole context as JSON.
    public init(system: SystemContext, raw: JSONObject = [:]) {
        self.system = system
        self.rawBytes = ArraySlice(JSONValue.object(raw).jsonBytes)
    }

    /// The whole `context` object, including AudioPlayer, Viewport and anything newer.
    public var raw: JSONObject {
        (try? JSONParser.parse(rawBytes))?.objectValue ?? [:]
    }

    init(reader: inout JSONReader) throws(RequestDecodingError) {
        reader.skipWhitespace()
        let start = reader.offset
        var system = SystemContext()
        try reader.members { reader, key throws(RequestDecodingError) in
            if key == "System" {
                system =
                    try reader.optional { reader throws(RequestDecodingError) in try SystemContext(reader: &reader) } ?? SystemContext()
            } else {
                try reader.skip()
            }
        }
        self.system = system
        self.rawBytes = reader.slice(from: start)
    }
}

/// The `context` object: the state of the device and of Alexa's services at request time.
///
/// Stored in one shared immutable box (copy-on-write, as swift-nio's `HTTPRequestHead` is): the runner
/// passes the envelope through several stages, and copying the context is then one retain
/// instead of one per string, token and dictionary inside it. Value semantics are unchanged; a setter builds a new
/// box (setters are rare: decoding builds the box once).
public struct Context: Sendable, Hashable {
    /// Immutable, so reading needs no exclusivity check; a setter builds a new box.
    private final class Storage: Sendable {
        let system: SystemContext
        let rawBytes: ArraySlice<UInt8>

        init(system: SystemContext, rawBytes: ArraySlice<UInt8>) {
            self.system = system
            self.rawBytes = rawBytes
        }

        func with(system: SystemContext? = nil, rawBytes: ArraySlice<UInt8>? = nil) -> Storage {
            Storage(system: system ?? self.system, rawBytes: rawBytes ?? self.rawBytes)
        }
    }

    private var storage: Storage

    /// `context.System`.
    public var system: SystemContext {
        get { storage.system }
        set { storage = storage.with(system: newValue) }
    }

    /// The `context` object's JSON as received (sharing the request body's storage); parsed
    /// only when ``raw`` is read.
    public var rawBytes: ArraySlice<UInt8> {
        get { storage.rawBytes }
        set { storage = storage.with(rawBytes: newValue) }
    }

    /// Creates a context.
    /// - Parameters:
    ///   - system: the System object.
    ///   - raw: the whole context as JSON.
    public init(system: SystemContext, raw: JSONObject = [:]) {
        self.storage = Storage(system: system, rawBytes: ArraySlice(JSONValue.object(raw).jsonBytes))
    }

    /// The whole `context` object, including AudioPlayer, Viewport and anything newer.
    public var raw: JSONObject {
        (try? JSONParser.parse(rawBytes))?.objectValue ?? [:]
    }

    /// Two contexts are equal when their System objects and raw JSON are.
    public static func == (lhs: Context, rhs: Context) -> Bool {
        lhs.storage === rhs.storage || (lhs.system == rhs.system && lhs.rawBytes == rhs.rawBytes)
    }

    /// Hashes the System object and the raw JSON.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(system)
        hasher.combine(rawBytes)
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
        self.storage = Storage(system: system, rawBytes: reader.slice(from: start))
    }
}

extension Context: CustomReflectable {
    /// The context's members, as if stored directly (descriptions and `dump` show them, not the box).
    public var customMirror: Mirror {
        Mirror(self, children: ["system": system, "rawBytes": rawBytes], displayStyle: .struct)
    }
}

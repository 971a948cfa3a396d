/// The `context` object: the state of the device and of Alexa's services at request time.
///
/// Stored copy-on-write in one shared box (as swift-nio's `HTTPRequestHead` does): the runner
/// passes the envelope through several stages, and copying the context is then one retain
/// instead of one per string, token and dictionary inside it. Value semantics are unchanged.
public struct Context: Sendable, Hashable {
    private final class Storage: @unchecked Sendable {
        // @unchecked: mutated only through `Context`'s setters, after `isKnownUniquelyReferenced`
        // (or a fresh copy) has made the box private to one value.
        var system: SystemContext
        var rawBytes: ArraySlice<UInt8>

        init(system: SystemContext, rawBytes: ArraySlice<UInt8>) {
            self.system = system
            self.rawBytes = rawBytes
        }
    }

    private var storage: Storage

    /// The box, made unique first, for a mutation.
    private var uniqueStorage: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) {
                storage = Storage(system: storage.system, rawBytes: storage.rawBytes)
            }
            return storage
        }
    }

    /// `context.System`.
    public var system: SystemContext {
        get { storage.system }
        set { uniqueStorage.system = newValue }
        _modify { yield &uniqueStorage.system }
    }

    /// The `context` object's JSON as received (sharing the request body's storage); parsed
    /// only when ``raw`` is read.
    public var rawBytes: ArraySlice<UInt8> {
        get { storage.rawBytes }
        set { uniqueStorage.rawBytes = newValue }
        _modify { yield &uniqueStorage.rawBytes }
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

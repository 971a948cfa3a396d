/// A strict RFC 8259 JSON parser that works on bytes in place.
///
/// This is SkillGate's JSON seam for reading: every request is parsed here once into a
/// ``JSONValue``. Strings must be valid UTF-8, nesting is bounded (hostile input cannot exhaust
/// the stack), and errors name the byte offset.
public enum JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    public static let maximumDepth = 128

    /// Parses a complete JSON document.
    /// - Parameter bytes: UTF-8 JSON; a leading byte-order mark is skipped.
    /// - Returns: the document's value.
    /// - Throws: ``JSONParseError`` naming the problem and its offset.
    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError>? = bytes.withContiguousStorageIfAvailable { buffer in
            parseBuffer(buffer)
        }
        if let result { return try result.get() }
        let copy = Array(bytes)
        return try copy.withUnsafeBufferPointer { parseBuffer($0) }.get()
    }

    /// Parses a complete JSON document held in a string.
    /// - Parameter text: the JSON text.
    /// - Throws: ``JSONParseError``.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var text = text
        return try text.withUTF8 { parseBuffer($0) }.get()
    }

    private static func parseBuffer(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONParseError> {
        var reader = JSONReader(buffer)
        do throws(JSONParseError) {
            reader.skipByteOrderMark()
            reader.skipWhitespace()
            guard !reader.isAtEnd else { throw JSONParseError(.empty, at: 0) }
            let value = try reader.readValue(depth: 0)
            reader.skipWhitespace()
            guard reader.isAtEnd else { throw JSONParseError(.trailingData, at: reader.offset) }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }
}

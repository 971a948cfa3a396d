/// Model-level reads: each throws ``RequestDecodingError`` naming the field (paths are built as
/// errors travel outwards, so the success path builds no strings).
extension JSONReader {
    /// Iterates an object's members; a failure inside is prefixed with the member's name.
    mutating func members(_ body: (inout JSONReader, Key) throws(RequestDecodingError) -> Void) throws(RequestDecodingError) {
        try expect(UInt8(ascii: "{"), "an object")
        depth += 1
        defer { depth -= 1 }
        try forEachMember(
            depth: depth,
            { reader, key throws(RequestDecodingError) in
                do throws(RequestDecodingError) {
                    try body(&reader, key)
                } catch {
                    throw error.prefixed(with: key.string)
                }
            }, wrap: RequestDecodingError.init(syntax:))
    }

    /// Iterates an array's elements; a failure inside is prefixed with `[index]`.
    mutating func elements(_ body: (inout JSONReader) throws(RequestDecodingError) -> Void) throws(RequestDecodingError) {
        try expect(UInt8(ascii: "["), "an array")
        do throws(JSONParseError) {
            guard try enterContainer(closingWith: UInt8(ascii: "]")) else { return }
        } catch {
            throw RequestDecodingError(syntax: error)
        }
        var index = 0
        var more = true
        while more {
            skipWhitespace()
            do throws(RequestDecodingError) {
                try body(&self)
            } catch {
                throw error.prefixed(with: "[\(index)]")
            }
            index += 1
            do throws(JSONParseError) {
                more = try continueContainer(closingWith: UInt8(ascii: "]"))
            } catch {
                throw RequestDecodingError(syntax: error)
            }
        }
    }

    /// Looks ahead in the object that starts here for the first string member `name` and returns
    /// it, leaving the reader where it was. Stops at the member, so a leading `type` (Alexa writes
    /// it first) costs little. A later duplicate is the caller's to notice: ``Request``'s decoder
    /// sees every `type` member while reading the payload and decodes again by the last one.
    mutating func peekStringMember(_ name: StaticString) throws(RequestDecodingError) -> String? {
        try expect(UInt8(ascii: "{"), "an object")
        let start = offset
        defer { offset = start }
        var found = false
        do throws(JSONParseError) {
            guard try enterContainer(closingWith: UInt8(ascii: "}")) else { return nil }
            repeat {
                skipWhitespace()
                let key = try readKey()
                try readColon()
                if key == name {
                    found = true
                    break
                }
                try skipValue(depth: depth + 1)
            } while try continueContainer(closingWith: UInt8(ascii: "}"))
        } catch {
            throw RequestDecodingError(syntax: error)
        }
        guard found else { return nil }
        // The reader is at the member's value.
        do throws(RequestDecodingError) {
            return try optionalString()
        } catch {
            throw error.prefixed(with: name.description)
        }
    }

    /// Reads an object member with `decode`, or nil for `null`. Always inlined, so `decode` is a
    /// direct call (each nested object of a request goes through here).
    @inline(__always)
    mutating func optional<Value>(_ decode: (inout JSONReader) throws(RequestDecodingError) -> Value) throws(RequestDecodingError) -> Value?
    {
        if try isNull() { return nil }
        return try decode(&self)
    }

    /// A string, or nil for `null`.
    mutating func optionalString() throws(RequestDecodingError) -> String? {
        if try isNull() { return nil }
        try expect(UInt8(ascii: "\""), "a string")
        do {
            return try readString()
        } catch {
            throw RequestDecodingError(syntax: error)
        }
    }

    /// A boolean, or nil for `null`.
    mutating func optionalBool() throws(RequestDecodingError) -> Bool? {
        if try isNull() { return nil }
        let byte = try currentByte()
        do {
            if byte == UInt8(ascii: "t") {
                try readLiteral("true")
                return true
            }
            if byte == UInt8(ascii: "f") {
                try readLiteral("false")
                return false
            }
        } catch {
            throw RequestDecodingError(syntax: error)
        }
        guard Self.startsValue(byte) else { throw RequestDecodingError(syntax: JSONParseError(.unexpectedByte(byte), at: offset)) }
        throw RequestDecodingError(path: "", problem: "must be a boolean, found \(Self.kindName(byte))")
    }

    /// Any JSON value, built in full.
    mutating func jsonValue() throws(RequestDecodingError) -> JSONValue {
        do {
            return try readValue(depth: depth)
        } catch {
            throw RequestDecodingError(syntax: error)
        }
    }

    /// A JSON object built in full, or nil for `null`.
    mutating func optionalJSONObject() throws(RequestDecodingError) -> JSONObject? {
        if try isNull() { return nil }
        try expect(UInt8(ascii: "{"), "an object")
        guard case .object(let object) = try jsonValue() else { return nil }
        return object
    }

    /// The raw bytes of the next value (validated), for data kept as-is.
    mutating func rawValue() throws(RequestDecodingError) -> [UInt8] {
        skipWhitespace()
        let start = offset
        try skip()
        return Array(UnsafeBufferPointer(start: bytes.baseAddress.map { $0 + start }, count: offset - start))
    }

    /// A timestamp: ISO-8601 string or epoch milliseconds; nil for `null`.
    mutating func optionalTimestamp() throws(RequestDecodingError) -> RequestTimestamp? {
        if try isNull() { return nil }
        // Fast path: an ISO-8601 string with no escapes, parsed where it lies in the input.
        if try currentByte() == UInt8(ascii: "\""), let base = bytes.baseAddress {
            let start = offset + 1
            let end = ByteScanning.firstSpecial(in: base, from: start, to: bytes.count)
            if end < bytes.count, base[end] == UInt8(ascii: "\""),
                let milliseconds = ISO8601Scanner.milliseconds(utf8: UnsafeBufferPointer(start: base + start, count: end - start))
            {
                offset = end + 1
                return RequestTimestamp(millisecondsSince1970: milliseconds)
            }
        }
        let value = try jsonValue()
        guard let timestamp = RequestTimestamp(json: value) else {
            throw RequestDecodingError(path: "", problem: "must be an ISO-8601 date-time or epoch milliseconds, found \(value.jsonString)")
        }
        return timestamp
    }

    /// Skips the next value.
    mutating func skip() throws(RequestDecodingError) {
        do {
            try skipValue(depth: depth)
        } catch {
            throw RequestDecodingError(syntax: error)
        }
    }

    @inline(__always)
    private mutating func isNull() throws(RequestDecodingError) -> Bool {
        do {
            return try consumeNull()
        } catch {
            throw RequestDecodingError(syntax: error)
        }
    }

    @inline(__always)
    private mutating func currentByte() throws(RequestDecodingError) -> UInt8 {
        skipWhitespace()
        do {
            return try peek()
        } catch {
            throw RequestDecodingError(syntax: error)
        }
    }

    @inline(__always)
    private mutating func expect(_ opening: UInt8, _ kind: String) throws(RequestDecodingError) {
        let byte = try currentByte()
        guard byte != opening else { return }
        guard Self.startsValue(byte) else { throw RequestDecodingError(syntax: JSONParseError(.unexpectedByte(byte), at: offset)) }
        throw RequestDecodingError(path: "", problem: "must be \(kind), found \(Self.kindName(byte))")
    }

    static func startsValue(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"),
            UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default: false
        }
    }

    static func kindName(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "{"): "an object"
        case UInt8(ascii: "["): "an array"
        case UInt8(ascii: "\""): "a string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): "a boolean"
        case UInt8(ascii: "n"): "null"
        default: "a number"
        }
    }
}

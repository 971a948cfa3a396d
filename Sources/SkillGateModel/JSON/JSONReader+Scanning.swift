/// Streaming reads for decoders that want only some members: keys are compared as bytes, values
/// that are not needed are skipped (still fully validated) without building anything.
extension JSONReader {
    /// A member name: a view of the input bytes, with no allocation and nothing to retain.
    /// A name written with escapes (rare) is decoded only when compared or read.
    struct Key {
        /// The bytes between the quotes, as written.
        let raw: UnsafeBufferPointer<UInt8>
        /// Whether `raw` holds escape sequences.
        let isEscaped: Bool

        /// Whether the key is `name`.
        @inline(__always)
        static func == (key: Key, name: StaticString) -> Bool {
            guard !key.isEscaped else { return key.string == name.description }
            let count = name.utf8CodeUnitCount
            guard key.raw.count == count else { return false }
            guard let base = key.raw.baseAddress else { return count == 0 }
            return memcmpBytes(base, name.utf8Start, count)
        }

        /// The key as a string.
        var string: String {
            guard isEscaped else { return String(decoding: raw, as: UTF8.self) }
            var quoted: [UInt8] = [UInt8(ascii: "\"")]
            quoted.append(contentsOf: raw)
            quoted.append(UInt8(ascii: "\""))
            return (try? JSONParser.parse(quoted))?.stringValue ?? String(decoding: raw, as: UTF8.self)
        }
    }

    /// Reads a member name at a `"`.
    mutating func readKey() throws(JSONParseError) -> Key {
        let byte = try peek()
        guard byte == UInt8(ascii: "\""), let base = bytes.baseAddress else { throw JSONParseError(.unexpectedByte(byte), at: offset) }
        let start = offset + 1
        let scanned = try scanString(base, from: start)
        if scanned.isEscaped {
            // Validate and skip the whole escaped name, then keep a view of it as written.
            _ = try readString()
            return Key(raw: UnsafeBufferPointer(start: base + start, count: offset - 1 - start), isEscaped: true)
        }
        let raw = UnsafeBufferPointer(start: base + start, count: scanned.end - start)
        guard scanned.isASCII || UTF8Validation.isValid(raw) else { throw JSONParseError(.invalidString, at: start) }
        offset = scanned.end + 1
        return Key(raw: raw, isEscaped: false)
    }

    /// Whether the next value is `null`; consumes it if so.
    @inline(__always)
    mutating func consumeNull() throws(JSONParseError) -> Bool {
        skipWhitespace()
        guard try peek() == UInt8(ascii: "n") else { return false }
        try readLiteral("null")
        return true
    }

    /// Skips one value, validating it as the full parser would, building nothing.
    mutating func skipValue(depth: Int) throws(JSONParseError) {
        skipWhitespace()
        switch try peek() {
        case UInt8(ascii: "{"):
            guard depth < JSONParser.maximumDepth else { throw JSONParseError(.tooDeep, at: offset) }
            guard try enterContainer(closingWith: UInt8(ascii: "}")) else { return }
            repeat {
                skipWhitespace()
                _ = try readKey()
                try readColon()
                try skipValue(depth: depth + 1)
            } while try continueContainer(closingWith: UInt8(ascii: "}"))
        case UInt8(ascii: "["):
            guard depth < JSONParser.maximumDepth else { throw JSONParseError(.tooDeep, at: offset) }
            guard try enterContainer(closingWith: UInt8(ascii: "]")) else { return }
            repeat {
                try skipValue(depth: depth + 1)
            } while try continueContainer(closingWith: UInt8(ascii: "]"))
        case UInt8(ascii: "\""): _ = try readKey()
        default: _ = try readValue(depth: depth)
        }
    }

    /// Iterates an object's members, calling `body` positioned at each value. `body` must
    /// consume the value (read or skip it).
    mutating func forEachMember<Failure: Error>(
        depth: Int, _ body: (inout JSONReader, Key) throws(Failure) -> Void, wrap: (JSONParseError) -> Failure
    ) throws(Failure) {
        do throws(JSONParseError) {
            skipWhitespace()
            let open = try peek()
            guard open == UInt8(ascii: "{") else { throw JSONParseError(.unexpectedByte(open), at: offset) }
            guard depth < JSONParser.maximumDepth else { throw JSONParseError(.tooDeep, at: offset) }
            guard try enterContainer(closingWith: UInt8(ascii: "}")) else { return }
        } catch {
            throw wrap(error)
        }
        var more = true
        while more {
            let key: Key
            do throws(JSONParseError) {
                skipWhitespace()
                key = try readKey()
                try readColon()
            } catch {
                throw wrap(error)
            }
            try body(&self, key)
            do throws(JSONParseError) {
                more = try continueContainer(closingWith: UInt8(ascii: "}"))
            } catch {
                throw wrap(error)
            }
        }
    }
}

/// Byte comparison without generics.
@inline(__always)
func memcmpBytes(_ left: UnsafePointer<UInt8>, _ right: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var index = 0
    while index < count {
        if left[index] != right[index] { return false }
        index += 1
    }
    return true
}

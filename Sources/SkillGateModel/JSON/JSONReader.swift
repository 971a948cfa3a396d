/// The parser's cursor over a byte buffer. Valid only inside `JSONParser.parseBuffer`.
struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset: Int = 0
    /// Nesting depth of the streaming member reads (see JSONReader+Scanning).
    var depth: Int = 0
    private var scratch: [UInt8] = []
    /// The array `bytes` points into, when there is one: raw JSON kept by the model can then
    /// share its storage instead of copying.
    let owner: [UInt8]?
    /// The last `type` member a request object's payload reader met (see ``Request``'s decoder,
    /// which decodes again when it differs from the first).
    var lastRequestType: String?

    init(_ bytes: UnsafeBufferPointer<UInt8>, owner: [UInt8]? = nil) {
        self.bytes = bytes
        self.owner = owner
    }

    /// The bytes from `start` to the current offset, sharing the owner's storage when possible.
    func slice(from start: Int) -> ArraySlice<UInt8> {
        if let owner, owner.count == bytes.count { return owner[start..<offset] }
        return ArraySlice(UnsafeBufferPointer(start: bytes.baseAddress.map { $0 + start }, count: offset - start))
    }

    var isAtEnd: Bool { offset >= bytes.count }

    mutating func skipByteOrderMark() {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { offset = 3 }
    }

    @inline(__always)
    mutating func skipWhitespace() {
        guard offset < bytes.count, bytes[offset] <= 0x20 else { return }
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    @inline(__always)
    func peek() throws(JSONParseError) -> UInt8 {
        guard offset < bytes.count else { throw JSONParseError(.unexpectedEnd, at: offset) }
        return bytes[offset]
    }

    mutating func readValue(depth: Int) throws(JSONParseError) -> JSONValue {
        switch try peek() {
        case UInt8(ascii: "{"): return .object(try readObject(depth: depth + 1))
        case UInt8(ascii: "["): return .array(try readArray(depth: depth + 1))
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try readLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try readLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try readLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
        case let byte: throw JSONParseError(.unexpectedByte(byte), at: offset)
        }
    }

    mutating func readLiteral(_ word: StaticString) throws(JSONParseError) {
        let count = word.utf8CodeUnitCount
        guard offset + count <= bytes.count else { throw JSONParseError(.unexpectedEnd, at: bytes.count) }
        let literal = word.utf8Start
        for index in 0..<count where bytes[offset + index] != literal[index] {
            throw JSONParseError(.unexpectedByte(bytes[offset + index]), at: offset + index)
        }
        offset += count
    }

    mutating func readObject(depth: Int) throws(JSONParseError) -> JSONObject {
        guard depth <= JSONParser.maximumDepth else { throw JSONParseError(.tooDeep, at: offset) }
        var object = JSONObject()
        guard try enterContainer(closingWith: UInt8(ascii: "}")) else { return object }
        object.reserveCapacity(4)
        repeat {
            skipWhitespace()
            let byte = try peek()
            guard byte == UInt8(ascii: "\"") else { throw JSONParseError(.unexpectedByte(byte), at: offset) }
            let key = try readString()
            try readColon()
            let value = try readValue(depth: depth)
            object.appendReplacing(key: key, value: value)
        } while try continueContainer(closingWith: UInt8(ascii: "}"))
        return object
    }

    private mutating func readArray(depth: Int) throws(JSONParseError) -> [JSONValue] {
        guard depth <= JSONParser.maximumDepth else { throw JSONParseError(.tooDeep, at: offset) }
        var array: [JSONValue] = []
        guard try enterContainer(closingWith: UInt8(ascii: "]")) else { return array }
        repeat {
            skipWhitespace()
            array.append(try readValue(depth: depth))
        } while try continueContainer(closingWith: UInt8(ascii: "]"))
        return array
    }

    /// At a container's `{` or `[`: consumes it and the white space after it.
    /// - Parameter close: the closing byte, `}` or `]`.
    /// - Returns: false (with the closing byte consumed) when the container is empty.
    @inline(__always)
    mutating func enterContainer(closingWith close: UInt8) throws(JSONParseError) -> Bool {
        offset += 1
        skipWhitespace()
        guard try peek() == close else { return true }
        offset += 1
        return false
    }

    /// After a member name: white space, `:`, white space.
    @inline(__always)
    mutating func readColon() throws(JSONParseError) {
        skipWhitespace()
        let colon = try peek()
        guard colon == UInt8(ascii: ":") else { throw JSONParseError(.unexpectedByte(colon), at: offset) }
        offset += 1
        skipWhitespace()
    }

    /// After an element or member value: white space, then `,` or the closing byte, consumed.
    /// - Parameter close: the closing byte, `}` or `]`.
    /// - Returns: true after a `,` (another element follows), false after `close`.
    @inline(__always)
    mutating func continueContainer(closingWith close: UInt8) throws(JSONParseError) -> Bool {
        skipWhitespace()
        let next = try peek()
        offset += 1
        if next == UInt8(ascii: ",") { return true }
        if next == close { return false }
        throw JSONParseError(.unexpectedByte(next), at: offset - 1)
    }

    /// From `start`, just after a string's opening quote: the index of its closing quote or of its
    /// first backslash, whichever comes first, and whether every byte before it is ASCII.
    @inline(__always)
    func scanString(_ base: UnsafePointer<UInt8>, from start: Int) throws(JSONParseError) -> (end: Int, isASCII: Bool, isEscaped: Bool) {
        var index = start
        var isASCII = true
        while true {
            index = ByteScanning.firstSpecial(in: base, from: index, to: bytes.count)
            guard index < bytes.count else { throw JSONParseError(.unexpectedEnd, at: index) }
            let byte = base[index]
            if byte == UInt8(ascii: "\"") { return (index, isASCII, false) }
            if byte == UInt8(ascii: "\\") { return (index, isASCII, true) }
            if byte < 0x20 { throw JSONParseError(.invalidString, at: index) }
            isASCII = false
            index += 1
        }
    }

    /// Reads a string starting at its opening quote. The fast path makes the string straight from
    /// the input bytes; a string with escapes is unescaped through a reused scratch buffer.
    mutating func readString() throws(JSONParseError) -> String {
        offset += 1
        let start = offset
        guard let base = bytes.baseAddress else { throw JSONParseError(.unexpectedEnd, at: offset) }
        let scanned = try scanString(base, from: start)
        offset = scanned.end
        if scanned.isEscaped { return try readEscapedString(from: start) }
        offset += 1
        return try makeString(UnsafeBufferPointer(start: base + start, count: scanned.end - start), isASCII: scanned.isASCII, at: start)
    }

    private func makeString(_ slice: UnsafeBufferPointer<UInt8>, isASCII: Bool, at position: Int) throws(JSONParseError) -> String {
        guard isASCII || UTF8Validation.isValid(slice) else { throw JSONParseError(.invalidString, at: position) }
        return String(decoding: slice, as: UTF8.self)
    }

    private mutating func readEscapedString(from start: Int) throws(JSONParseError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(start: bytes.baseAddress.map { $0 + start }, count: offset - start))
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                let result: String? = scratch.withUnsafeBufferPointer { buffer in
                    UTF8Validation.isValid(buffer) ? String(decoding: buffer, as: UTF8.self) : nil
                }
                guard let result else { throw JSONParseError(.invalidString, at: start) }
                return result
            case UInt8(ascii: "\\"):
                try readEscape()
            case 0..<0x20:
                throw JSONParseError(.invalidString, at: offset)
            default:
                scratch.append(byte)
                offset += 1
            }
        }
        throw JSONParseError(.unexpectedEnd, at: offset)
    }

    private mutating func readEscape() throws(JSONParseError) {
        let escapeStart = offset
        offset += 1
        guard offset < bytes.count else { throw JSONParseError(.unexpectedEnd, at: offset) }
        let code = bytes[offset]
        offset += 1
        switch code {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(code)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHex4()
            if (0xD800..<0xDC00).contains(scalar) {
                guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"),
                    bytes[offset + 1] == UInt8(ascii: "u")
                else { throw JSONParseError(.invalidEscape, at: escapeStart) }
                offset += 2
                let low = try readHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw JSONParseError(.invalidEscape, at: escapeStart) }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw JSONParseError(.invalidEscape, at: escapeStart)
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw JSONParseError(.invalidEscape, at: escapeStart) }
            if let encoded = UTF8.encode(unicode) { scratch.append(contentsOf: encoded) }
        default:
            throw JSONParseError(.invalidEscape, at: escapeStart)
        }
    }

    private mutating func readHex4() throws(JSONParseError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw JSONParseError(.unexpectedEnd, at: bytes.count) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONParseError(.invalidEscape, at: offset)
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        return value
    }

    mutating func readNumber() throws(JSONParseError) -> JSONValue {
        let start = offset
        var isInteger = true
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        guard offset < bytes.count else { throw JSONParseError(.unexpectedEnd, at: offset) }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
        } else if isDigit(bytes[offset]) {
            while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
        } else {
            throw JSONParseError(.invalidNumber, at: start)
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            isInteger = false
            offset += 1
            guard offset < bytes.count, isDigit(bytes[offset]) else { throw JSONParseError(.invalidNumber, at: start) }
            while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            isInteger = false
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            guard offset < bytes.count, isDigit(bytes[offset]) else { throw JSONParseError(.invalidNumber, at: start) }
            while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
        }
        let text = UnsafeBufferPointer(start: bytes.baseAddress.map { $0 + start }, count: offset - start)
        if isInteger, let integer = parseInteger(text) { return .integer(integer) }
        let string = String(decoding: text, as: UTF8.self)
        guard let double = Double(string), double.isFinite else { throw JSONParseError(.invalidNumber, at: start) }
        return .double(double)
    }

    private func parseInteger(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let negative = text[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        var value = 0
        while index < text.count {
            let digit = Int(text[index] - UInt8(ascii: "0"))
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            if overflowA || overflowB { return nil }
            value = next
            index += 1
        }
        return value
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

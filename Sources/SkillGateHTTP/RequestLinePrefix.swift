/// Checks a request line byte by byte as it arrives, so a line that can never become valid (a TLS
/// handshake, random bytes, a binary protocol) is refused with 400 at once instead of waiting for
/// the header timeout.
///
/// It refuses only what ``RequestHeadParser/parseRequestLine(_:)`` would also refuse, and its
/// verdict on a byte depends only on the bytes before it: the answer (status and message) is the
/// same however the bytes are split across reads.
struct RequestLinePrefix {
    private enum Part {
        /// In the method; `length` token bytes so far.
        case method(length: Int)
        /// The first byte of the request target is next.
        case targetStart
        /// In the target; `asterisk` when it began with `*` (which must stand alone).
        case target(asterisk: Bool)
        /// In `HTTP/d.d`, at `offset`.
        case version(offset: Int)
        /// After `HTTP/d.d` and its CR: only the LF (not fed here) may follow.
        case afterCarriageReturn
    }

    private var part = Part.method(length: 0)
    /// How many bytes of the line have been checked.
    private(set) var checked = 0

    static let lineMessage = "malformed request line: expected METHOD SP target SP HTTP-version"
    static let versionMessage = "malformed HTTP version: expected HTTP/1.1 or HTTP/1.0"
    static let tlsMessage =
        "this looks like a TLS handshake, but the server speaks plain HTTP: use http://, or put a TLS proxy in front"

    /// Checks `bytes[checked..<end]`, the line's next bytes (never its LF).
    mutating func check(_ bytes: UnsafeRawBufferPointer, upTo end: Int) throws(HTTPParseError) {
        var index = checked
        while index < end {
            try step(bytes[index], at: index)
            index += 1
        }
        checked = max(checked, end)
    }

    private mutating func step(_ byte: UInt8, at index: Int) throws(HTTPParseError) {
        switch part {
        case .method(let length):
            if ASCII.isToken(byte) {
                part = .method(length: length + 1)
            } else if byte == ASCII.space && length > 0 {
                part = .targetStart
            } else if index == 0 && byte == 0x16 {
                throw .badRequest(Self.tlsMessage)
            } else if byte == ASCII.space || byte == ASCII.cr {
                throw .badRequest(Self.lineMessage)
            } else {
                throw .badRequest("malformed method")
            }
        case .targetStart:
            switch byte {
            case UInt8(ascii: "/"), UInt8(ascii: "h"), UInt8(ascii: "H"): part = .target(asterisk: false)
            case UInt8(ascii: "*"): part = .target(asterisk: true)
            case ASCII.space, ASCII.cr: throw .badRequest(Self.lineMessage)
            case 0x21..<0x7F: throw .badRequest(RequestHeadParser.targetFormMessage)
            default: throw .badRequest("malformed request target")
            }
        case .target(let asterisk):
            switch byte {
            case ASCII.space: part = .version(offset: 0)
            case ASCII.cr: throw .badRequest(Self.lineMessage)
            case 0x21..<0x7F: if asterisk { throw .badRequest(RequestHeadParser.targetFormMessage) }
            default: throw .badRequest("malformed request target")
            }
        case .version(let offset):
            let valid: Bool
            switch offset {
            case 0..<5: valid = byte == Self.versionPrefix[offset]
            case 5, 7: valid = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            case 6: valid = byte == UInt8(ascii: ".")
            default: valid = byte == ASCII.cr
            }
            guard valid else { throw .badRequest(Self.versionMessage) }
            part = offset == 8 ? .afterCarriageReturn : .version(offset: offset + 1)
        case .afterCarriageReturn:
            throw .badRequest(Self.versionMessage)
        }
    }

    private static let versionPrefix: [UInt8] = Array("HTTP/".utf8)
}

extension RequestHeadParser {
    static let targetFormMessage = "request target must be an absolute path such as /skill"

    /// Whether the buffered request starts with the method `HEAD`, so that an error answer to it
    /// carries no body, even when its head was refused before it was parsed.
    static func startsWithHEAD(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 5 && bytes[0] == UInt8(ascii: "H") && bytes[1] == UInt8(ascii: "E")
            && bytes[2] == UInt8(ascii: "A") && bytes[3] == UInt8(ascii: "D") && bytes[4] == ASCII.space
    }
}

/// Why a byte sequence is not a JSON document SkillGate accepts.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of problems the parser reports.
    public enum Reason: Sendable, Equatable {
        /// The input ended inside a value.
        case unexpectedEnd
        /// A byte that cannot start or continue a value here.
        case unexpectedByte(UInt8)
        /// A number that is not valid JSON.
        case invalidNumber
        /// A bad escape sequence in a string.
        case invalidEscape
        /// A string that is not valid UTF-8, or holds a raw control character.
        case invalidString
        /// Nesting deeper than the parser allows.
        case tooDeep
        /// Bytes after the end of the document.
        case trailingData
        /// The document is empty or only white space.
        case empty
    }

    /// What went wrong.
    public let reason: Reason
    /// The byte offset where it went wrong.
    public let offset: Int

    /// Creates an error.
    /// - Parameters:
    ///   - reason: what went wrong.
    ///   - offset: where.
    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    /// A sentence naming the problem and its byte offset.
    public var description: String { "invalid JSON: " + detail }

    /// The problem and its byte offset without the `invalid JSON:` prefix, e.g. `unexpected 'h' at byte 1`.
    var detail: String {
        switch reason {
        case .unexpectedEnd: "the input ends in the middle of a value (byte \(offset))"
        case .unexpectedByte(let byte): "unexpected \(Self.describe(byte)) at byte \(offset)"
        case .invalidNumber: "malformed number at byte \(offset)"
        case .invalidEscape: "malformed escape sequence in a string at byte \(offset)"
        case .invalidString: "a string holds invalid UTF-8 or a raw control character at byte \(offset)"
        case .tooDeep: "nesting deeper than \(JSONParser.maximumDepth) levels at byte \(offset)"
        case .trailingData: "unexpected data after the document at byte \(offset)"
        case .empty: "the input is empty"
        }
    }

    private static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x" + (hex.count == 1 ? "0" + hex : hex)
    }
}

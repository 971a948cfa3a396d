/// An incremental decoder for `Transfer-Encoding: chunked` bodies (RFC 9112 §7.1).
///
/// Feed it whatever bytes are available; it appends chunk data to the body, skips extensions and
/// trailer fields, and reports how many input bytes it consumed. Used by the server for request
/// bodies and by the client for response bodies.
///
/// Every line in the framing (size line, the line end after data, trailer lines and the final
/// empty line) may end with CRLF or a bare LF, as the head parser allows (RFC 9112 §2.2) and as
/// nginx reads it, so a bare LF never makes the following request vanish into the trailers. A CR
/// must be followed by LF.
struct ChunkedDecoder {
    private enum State {
        case size
        case extensionBytes
        case sizeLineFeed
        case data(remaining: Int)
        case dataCarriageReturn
        case dataLineFeed
        case trailerLineStart
        case trailerLine
        case trailerLineFeed(empty: Bool)
        case done
    }

    /// Why a chunked body was refused.
    enum Failure: Error {
        case malformed(String)
        case tooLarge
    }

    private var state = State.size
    private var size = 0
    private var sizeDigits = 0
    private var lineBytes = 0
    private var trailerBytes = 0
    private let maxBodyBytes: Int
    private static let maxLineBytes = 4096
    private static let maxTrailerBytes = 16 * 1024

    /// Creates a decoder that refuses bodies larger than `maxBodyBytes` once decoded.
    init(maxBodyBytes: Int) {
        self.maxBodyBytes = maxBodyBytes
    }

    /// Whether the final chunk and trailer section have been read.
    var isDone: Bool {
        if case .done = state { return true }
        return false
    }

    /// Decodes from `input`, appending data to `body`; stops at the end of the body.
    /// - Returns: how many bytes of `input` were consumed.
    /// - Throws: ``Failure`` for malformed framing or a body over the limit.
    mutating func decode(_ input: UnsafeRawBufferPointer, into body: inout [UInt8]) throws(Failure) -> Int {
        var index = 0
        let count = input.count
        while index < count {
            let byte = input[index]
            switch state {
            case .size:
                if let digit = ASCII.hexValue(byte) {
                    sizeDigits += 1
                    guard sizeDigits <= 15 else { throw .tooLarge }
                    size = size << 4 | digit
                } else if sizeDigits > 0 && (byte == ASCII.semicolon || byte == ASCII.space || byte == ASCII.tab) {
                    state = .extensionBytes
                } else if sizeDigits > 0 && byte == ASCII.cr {
                    state = .sizeLineFeed
                } else if sizeDigits > 0 && byte == ASCII.lf {
                    index += 1
                    try startChunk(bodyCount: body.count)
                    continue
                } else {
                    throw .malformed("malformed chunk size")
                }
                index += 1
            case .extensionBytes:
                if byte == ASCII.lf {
                    index += 1
                    try startChunk(bodyCount: body.count)
                    continue
                } else if byte == ASCII.cr {
                    state = .sizeLineFeed
                } else if !ASCII.isFieldValueByte(byte) {
                    throw .malformed("malformed chunk extension")
                }
                lineBytes += 1
                guard lineBytes <= Self.maxLineBytes else { throw .malformed("chunk extension too long") }
                index += 1
            case .sizeLineFeed:
                guard byte == ASCII.lf else { throw .malformed("chunk size line must end with CRLF") }
                index += 1
                try startChunk(bodyCount: body.count)
            case .data(let remaining):
                let take = min(remaining, count - index)
                body.append(contentsOf: UnsafeRawBufferPointer(rebasing: input[index..<(index + take)]))
                index += take
                state = remaining == take ? .dataCarriageReturn : .data(remaining: remaining - take)
            case .dataCarriageReturn:
                if byte == ASCII.lf {
                    state = .size
                } else {
                    guard byte == ASCII.cr else { throw .malformed("chunk data must be followed by CRLF") }
                    state = .dataLineFeed
                }
                index += 1
            case .dataLineFeed:
                guard byte == ASCII.lf else { throw .malformed("chunk data must be followed by CRLF") }
                state = .size
                index += 1
            case .trailerLineStart:
                switch byte {
                case ASCII.lf: state = .done
                case ASCII.cr: state = .trailerLineFeed(empty: true)
                default: state = .trailerLine
                }
                try countTrailerByte()
                index += 1
            case .trailerLine:
                if byte == ASCII.lf {
                    state = .trailerLineStart
                } else if byte == ASCII.cr {
                    state = .trailerLineFeed(empty: false)
                }
                try countTrailerByte()
                index += 1
            case .trailerLineFeed(let empty):
                guard byte == ASCII.lf else { throw .malformed("trailer line must end with CRLF") }
                state = empty ? .done : .trailerLineStart
                index += 1
            case .done:
                return index
            }
            if case .done = state { return index }
        }
        return index
    }

    private mutating func startChunk(bodyCount: Int) throws(Failure) {
        let chunk = size
        guard chunk <= maxBodyBytes - bodyCount else { throw .tooLarge }
        size = 0
        sizeDigits = 0
        lineBytes = 0
        if chunk == 0 {
            state = .trailerLineStart
        } else {
            state = .data(remaining: chunk)
        }
    }

    private mutating func countTrailerByte() throws(Failure) {
        trailerBytes += 1
        guard trailerBytes <= Self.maxTrailerBytes else { throw .malformed("chunked trailer section too large") }
    }
}

/// Reads one HTTP/1.x response fed in pieces: the status must be 200 (1xx interim responses are
/// skipped), and the body is framed by `Transfer-Encoding: chunked`, `Content-Length`, or the end of
/// the connection, and capped at a size limit.
struct HTTPResponseParser {
    /// The longest status line plus headers accepted.
    static let maximumHeadSize = 16 * 1024
    /// The longest chunk-size or trailer line accepted.
    static let maximumLineSize = 1024

    private enum Stage {
        case head
        case fixedLength(remaining: Int)
        case untilClose
        case chunkSize
        case chunkData(remaining: Int)
        case chunkEnd
        case trailers
        case complete
    }

    /// The largest accepted body in bytes.
    let maximumBodySize: Int
    /// The URL, for messages.
    let source: String
    /// The body so far (decoded when chunked).
    private(set) var body: [UInt8] = []
    private var pending: [UInt8] = []
    private var stage = Stage.head

    /// Creates a parser.
    /// - Parameters:
    ///   - maximumBodySize: the largest accepted body in bytes.
    ///   - source: the URL, for messages.
    init(maximumBodySize: Int, source: String) {
        self.maximumBodySize = max(0, maximumBodySize)
        self.source = source
    }

    /// Takes the next bytes of the response.
    /// - Parameter bytes: bytes as received.
    /// - Returns: true once the whole response has been read.
    /// - Throws: ``CertificateFetchError`` `.httpStatus`, `.tooLarge` or `.malformedResponse`.
    mutating func consume(_ bytes: UnsafeRawBufferPointer) throws(CertificateFetchError) -> Bool {
        pending.append(contentsOf: bytes)
        var cursor = 0
        defer { pending.removeFirst(min(cursor, pending.count)) }
        while try step(&cursor) {}
        if case .complete = stage { return true }
        return false
    }

    /// The body once the server has closed the connection.
    /// - Throws: ``CertificateFetchError/Code/malformedResponse`` when the response was cut short.
    func finish() throws(CertificateFetchError) -> [UInt8] {
        switch stage {
        case .complete, .untilClose:
            return body
        case .head:
            throw malformed("the server closed the connection before sending a complete HTTP response head")
        case .fixedLength(let remaining):
            throw malformed("the server closed the connection \(remaining) bytes before the end of the Content-Length body")
        case .chunkSize, .chunkData, .chunkEnd, .trailers:
            throw malformed("the server closed the connection before the end of the chunked body")
        }
    }

    /// Makes progress from `cursor`; returns false when more bytes are needed or the response is complete.
    private mutating func step(_ cursor: inout Int) throws(CertificateFetchError) -> Bool {
        let available = pending.count - cursor
        switch stage {
        case .head:
            guard let end = Self.find(Self.headEnd, in: pending, from: cursor) else {
                if available > Self.maximumHeadSize { throw malformed("the response head is larger than \(Self.maximumHeadSize) bytes") }
                return false
            }
            let head = ResponseHead.parse(pending[cursor..<end])
            cursor = end + Self.headEnd.count
            stage = try nextStage(after: head)
        case .fixedLength(let remaining):
            let count = min(remaining, available)
            body.append(contentsOf: pending[cursor..<(cursor + count)])
            cursor += count
            stage = remaining == count ? .complete : .fixedLength(remaining: remaining - count)
            return remaining == count
        case .untilClose:
            guard body.count + available <= maximumBodySize else { throw tooLarge(declared: nil) }
            body.append(contentsOf: pending[cursor...])
            cursor = pending.count
            return false
        case .chunkSize:
            guard let line = try line(from: &cursor, what: "chunk-size") else { return false }
            guard let size = Self.chunkSize(line) else { throw malformed("a chunk-size line is not hexadecimal") }
            guard size <= maximumBodySize - body.count else { throw tooLarge(declared: nil) }
            stage = size == 0 ? .trailers : .chunkData(remaining: size)
        case .chunkData(let remaining):
            let count = min(remaining, available)
            body.append(contentsOf: pending[cursor..<(cursor + count)])
            cursor += count
            stage = remaining == count ? .chunkEnd : .chunkData(remaining: remaining - count)
            return remaining == count
        case .chunkEnd:
            guard available >= 2 else { return false }
            guard pending[cursor] == UInt8(ascii: "\r"), pending[cursor + 1] == UInt8(ascii: "\n") else {
                throw malformed("a chunk is not followed by CRLF")
            }
            cursor += 2
            stage = .chunkSize
        case .trailers:
            guard let line = try line(from: &cursor, what: "trailer") else { return false }
            if line.isEmpty { stage = .complete }
        case .complete:
            return false
        }
        return true
    }

    /// What follows a response head: an error for a non-200 status, the head again after a 1xx, or the body.
    private func nextStage(after parsed: Result<ResponseHead, ResponseHead.Problem>) throws(CertificateFetchError) -> Stage {
        let head: ResponseHead
        switch parsed {
        case .success(let value): head = value
        case .failure(let problem): throw malformed(problem.text)
        }
        if (100..<200).contains(head.status), head.status != 101 { return .head }
        guard head.status == 200 else {
            throw CertificateFetchError(
                .httpStatus, "\(source) answered HTTP \(head.status) \(head.reasonPhrase); a certificate chain is served with 200.",
                statusCode: head.status)
        }
        switch head.framing {
        case .chunked:
            return .chunkSize
        case .length(let length):
            guard length <= maximumBodySize else { throw tooLarge(declared: length) }
            return length == 0 ? .complete : .fixedLength(remaining: length)
        case .untilClose:
            return .untilClose
        }
    }

    /// The next CRLF-terminated line (without the CRLF), or nil when it is not complete yet.
    private func line(from cursor: inout Int, what: String) throws(CertificateFetchError) -> ArraySlice<UInt8>? {
        guard let end = Self.find(Self.lineEnd, in: pending, from: cursor) else {
            if pending.count - cursor > Self.maximumLineSize {
                throw malformed("a \(what) line is longer than \(Self.maximumLineSize) bytes")
            }
            return nil
        }
        guard end - cursor <= Self.maximumLineSize else { throw malformed("a \(what) line is longer than \(Self.maximumLineSize) bytes") }
        let line = pending[cursor..<end]
        cursor = end + Self.lineEnd.count
        return line
    }

    /// Parses `1a3f;extension` as a hexadecimal size.
    private static func chunkSize(_ line: ArraySlice<UInt8>) -> Int? {
        let digits = line.prefix { $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
        guard !digits.isEmpty, digits.count <= 15 else { return nil }
        var value = 0
        for byte in digits {
            let digit: Int
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = Int(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = Int(byte - UInt8(ascii: "A")) + 10
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }

    private static let headEnd: [UInt8] = Array("\r\n\r\n".utf8)
    private static let lineEnd: [UInt8] = Array("\r\n".utf8)

    /// The index where `needle` starts in `haystack` at or after `start`.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count - start >= needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private func malformed(_ detail: String) -> CertificateFetchError {
        CertificateFetchError(.malformedResponse, "The answer from \(source) is not a usable HTTP response: \(detail).")
    }

    private func tooLarge(declared length: Int?) -> CertificateFetchError {
        let size = length.map { "a \($0)-byte body, more than" } ?? "a body larger than"
        return CertificateFetchError(
            .tooLarge,
            "\(source) sent \(size) the \(maximumBodySize)-byte limit; Alexa's certificate chain is about 5 KB, so this is not it."
        )
    }
}

/// The status line and the framing headers of an HTTP/1.x response.
struct ResponseHead {
    /// How the body is delimited.
    enum Framing: Equatable {
        /// `Transfer-Encoding: chunked`.
        case chunked
        /// `Content-Length`.
        case length(Int)
        /// Neither: the body runs until the server closes the connection.
        case untilClose
    }

    /// Why a head cannot be used.
    struct Problem: Error {
        /// A phrase for the message, e.g. `the status line is not HTTP/1.x`.
        let text: String
    }

    /// The status code, e.g. 200.
    let status: Int
    /// The reason phrase, e.g. `Not Found` (printable ASCII only, shortened).
    let reasonPhrase: String
    /// How the body is delimited.
    let framing: Framing

    /// Parses a response head.
    /// - Parameter head: the bytes before the blank line, without the final CRLF CRLF.
    /// - Returns: the head, or what is wrong with it.
    static func parse(_ head: ArraySlice<UInt8>) -> Result<ResponseHead, Problem> {
        var lines = split(head)
        guard let statusLine = lines.first else { return .failure(Problem(text: "the response is empty")) }
        lines.removeFirst()
        guard let (status, reason) = parseStatusLine(statusLine) else {
            let shown = String(decoding: statusLine.prefix(40).map { $0 >= 0x20 && $0 < 0x7F ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
            return .failure(Problem(text: "the status line '\(shown)' is not HTTP/1.x"))
        }
        var length: Int?
        var codings: [String] = []
        for line in lines {
            guard let first = line.first, first != UInt8(ascii: " "), first != UInt8(ascii: "\t"),
                let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                !line[..<colon].contains(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
            else { return .failure(Problem(text: "a header line is malformed")) }
            let name = line[..<colon]
            let value = trimmed(line[(colon + 1)...])
            if equalsIgnoringCase(name, "content-length") {
                guard let parsed = parseLength(value), length == nil || length == parsed else {
                    return .failure(Problem(text: "the Content-Length header is not a single non-negative number"))
                }
                length = parsed
            } else if equalsIgnoringCase(name, "transfer-encoding") {
                for coding in value.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                    codings.append(String(decoding: trimmed(coding), as: UTF8.self).lowercased())
                }
            }
        }
        let framing: Framing
        if let last = codings.last {
            guard last == "chunked", codings.dropLast().allSatisfy({ $0 == "identity" || $0.isEmpty }) else {
                return .failure(
                    Problem(
                        text:
                            "the body uses Transfer-Encoding '\(codings.joined(separator: ", ").prefix(60))', which this client does not decode"
                    ))
            }
            framing = .chunked
        } else if let length {
            framing = .length(length)
        } else {
            framing = .untilClose
        }
        return .success(ResponseHead(status: status, reasonPhrase: reason, framing: framing))
    }

    /// `HTTP/1.1 404 Not Found` → (404, "Not Found").
    private static func parseStatusLine(_ line: ArraySlice<UInt8>) -> (Int, String)? {
        let bytes = Array(line)
        let prefix = Array("HTTP/1.".utf8)
        guard bytes.count >= 12, bytes.starts(with: prefix), isDigit(bytes[7]), bytes[8] == UInt8(ascii: " "),
            isDigit(bytes[9]), isDigit(bytes[10]), isDigit(bytes[11])
        else { return nil }
        guard bytes.count == 12 || bytes[12] == UInt8(ascii: " ") else { return nil }
        let status = bytes[9...11].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        let reason = bytes.dropFirst(13).prefix(60).map { $0 >= 0x20 && $0 < 0x7F ? $0 : UInt8(ascii: "?") }
        return (status, String(decoding: reason, as: UTF8.self))
    }

    private static func parseLength(_ value: ArraySlice<UInt8>) -> Int? {
        guard !value.isEmpty, value.count <= 18, value.allSatisfy(isDigit) else { return nil }
        return value.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    /// Splits on CRLF.
    private static func split(_ head: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = head.startIndex
        var index = head.startIndex
        while index < head.endIndex {
            if head[index] == UInt8(ascii: "\r"), index + 1 < head.endIndex, head[index + 1] == UInt8(ascii: "\n") {
                lines.append(head[start..<index])
                index += 2
                start = index
            } else {
                index += 1
            }
        }
        lines.append(head[start..<head.endIndex])
        return lines
    }

    private static func trimmed(_ value: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = value.firstIndex(where: { !isBlank($0) }), let last = value.lastIndex(where: { !isBlank($0) }) else { return [] }
        return value[first...last]
    }

    private static func equalsIgnoringCase(_ bytes: ArraySlice<UInt8>, _ lowercase: String) -> Bool {
        bytes.count == lowercase.utf8.count
            && zip(bytes, lowercase.utf8).allSatisfy { ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0) == $1 }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

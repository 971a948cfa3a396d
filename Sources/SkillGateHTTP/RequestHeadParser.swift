#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An incremental parser for a request head (request line and header fields).
///
/// Feed it the unconsumed bytes of a connection's read buffer each time more arrive; it remembers
/// how far it has scanned, so a client sending one byte at a time costs linear, not quadratic, work.
/// Strings are built only for the final method, target, header names and values.
struct RequestHeadParser {
    let limits: ParserLimits
    /// Index of the LF that ends the request line, once found.
    private var requestLineEnd: Int?
    /// Start of the header line being scanned.
    private var lineStart = 0
    /// Bytes already scanned without finding the end of the head.
    private var scanned = 0
    /// Header lines seen so far.
    private var lineCount = 0
    /// The request line's bytes checked so far, so an impossible line is refused at once.
    private var linePrefix = RequestLinePrefix()

    init(limits: ParserLimits) {
        self.limits = limits
    }

    /// Whether no byte of the current request has been scanned yet.
    var isAtStart: Bool { requestLineEnd == nil && scanned == 0 }

    /// Forgets the current request so the next one can be parsed.
    mutating func reset() {
        requestLineEnd = nil
        lineStart = 0
        scanned = 0
        lineCount = 0
        linePrefix = RequestLinePrefix()
    }

    /// Counts the empty lines (CRLF or LF) before a request line, which RFC 9112 §2.2 lets servers ignore.
    static func leadingEmptyLineBytes(_ bytes: UnsafeRawBufferPointer) -> Int {
        var index = 0
        while index < bytes.count {
            if bytes[index] == ASCII.lf {
                index += 1
            } else if bytes[index] == ASCII.cr, index + 1 < bytes.count, bytes[index + 1] == ASCII.lf {
                index += 2
            } else {
                break
            }
        }
        return index
    }

    /// Parses the head at the start of `bytes` if it is complete.
    /// - Returns: the head and the number of bytes it used, or nil when more bytes are needed.
    /// - Throws: ``HTTPParseError`` with the status to answer (400, 414, 431, 501, 505, 411, 413, 417).
    mutating func parse(_ bytes: UnsafeRawBufferPointer) throws(HTTPParseError) -> (RequestHead, Int)? {
        let lineEnd: Int
        if let known = requestLineEnd {
            lineEnd = known
        } else {
            let found = Self.findLineFeed(bytes, from: scanned, to: min(bytes.count, limits.maxRequestLineBytes + 2))
            // Bytes past the length limit are left to the 414 below, whichever read they came in.
            try linePrefix.check(bytes, upTo: min(found ?? bytes.count, limits.maxRequestLineBytes))
            guard let found else {
                if bytes.count > limits.maxRequestLineBytes + 1 {
                    throw HTTPParseError(
                        status: 414, message: "request line longer than \(limits.maxRequestLineBytes) bytes")
                }
                scanned = bytes.count
                return nil
            }
            let length = found > 0 && bytes[found - 1] == ASCII.cr ? found - 1 : found
            if length > limits.maxRequestLineBytes {
                throw HTTPParseError(
                    status: 414, message: "request line longer than \(limits.maxRequestLineBytes) bytes")
            }
            requestLineEnd = found
            lineEnd = found
            lineStart = found + 1
            scanned = found + 1
        }
        guard let headEnd = try findHeadEnd(bytes, headerStart: lineEnd + 1) else { return nil }
        let head = try Self.buildHead(bytes, requestLineEnd: lineEnd, headEnd: headEnd, limits: limits)
        return (head, headEnd)
    }

    /// Scans for the empty line ending the header block; returns the index just past it.
    private mutating func findHeadEnd(_ bytes: UnsafeRawBufferPointer, headerStart: Int) throws(HTTPParseError) -> Int? {
        while let lf = Self.findLineFeed(bytes, from: scanned, to: bytes.count) {
            let length = lf - lineStart - (lf > lineStart && bytes[lf - 1] == ASCII.cr ? 1 : 0)
            if length == 0 {
                return lf + 1
            }
            lineCount += 1
            if lineCount > limits.maxHeaderCount {
                throw HTTPParseError(status: 431, message: "more than \(limits.maxHeaderCount) header fields")
            }
            lineStart = lf + 1
            scanned = lf + 1
            if scanned - headerStart > limits.maxHeaderBytes {
                throw HTTPParseError(status: 431, message: "header fields larger than \(limits.maxHeaderBytes) bytes")
            }
        }
        scanned = bytes.count
        if bytes.count - headerStart > limits.maxHeaderBytes + 2 {
            throw HTTPParseError(status: 431, message: "header fields larger than \(limits.maxHeaderBytes) bytes")
        }
        return nil
    }

    /// Finds the first LF in `bytes[from..<to]`.
    @inline(__always)
    static func findLineFeed(_ bytes: UnsafeRawBufferPointer, from: Int, to: Int) -> Int? {
        guard from < to, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + from, Int32(ASCII.lf), to - from) else { return nil }
        return UnsafeRawPointer(found) - base
    }
}

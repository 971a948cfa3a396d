extension RequestHeadParser {
    /// Methods this server implements; any other well-formed method gets 501.
    static func isKnownMethod(_ method: String) -> Bool {
        switch method {
        case "GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE": true
        default: false
        }
    }

    /// The `Allow` value of the server's own answer to `OPTIONS *`: the methods it passes to responders.
    static let allowedMethods = "GET, HEAD, POST, PUT, DELETE, OPTIONS, PATCH, TRACE"

    /// Parses a complete head: `bytes[0...requestLineEnd]` is the request line, the rest up to `headEnd` the fields.
    static func buildHead(
        _ bytes: UnsafeRawBufferPointer, requestLineEnd: Int, headEnd: Int, limits: ParserLimits
    ) throws(HTTPParseError) -> RequestHead {
        let line = UnsafeRawBufferPointer(
            rebasing: bytes[0..<lineContentEnd(bytes, lineFeed: requestLineEnd, start: 0)])
        let (method, target, versionMinor) = try parseRequestLine(line)
        var fields = FieldSummary()
        var headers = HTTPHeaders()
        headers.fields.reserveCapacity(8)
        var start = requestLineEnd + 1
        while start < headEnd {
            guard let lf = findLineFeed(bytes, from: start, to: headEnd) else { break }
            let end = lineContentEnd(bytes, lineFeed: lf, start: start)
            if end > start {
                let fieldLine = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
                let (name, value) = try parseFieldLine(fieldLine)
                fields.note(name: name, value: value)
                headers.fields.append(
                    (
                        name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self)
                    ))
            }
            start = lf + 1
        }
        return try fields.head(
            method: method, target: target, versionMinor: versionMinor, headers: headers, limits: limits
        )
    }

    /// The end of a line's content: the LF's index, or the CR's before it.
    private static func lineContentEnd(_ bytes: UnsafeRawBufferPointer, lineFeed: Int, start: Int) -> Int {
        lineFeed > start && bytes[lineFeed - 1] == ASCII.cr ? lineFeed - 1 : lineFeed
    }

    /// Parses `METHOD SP target SP HTTP/1.x`.
    static func parseRequestLine(_ line: UnsafeRawBufferPointer) throws(HTTPParseError) -> (String, String, Int) {
        guard let firstSpace = line.firstIndex(of: ASCII.space), firstSpace > 0 else {
            throw .badRequest("malformed request line: expected METHOD SP target SP HTTP-version")
        }
        let rest = UnsafeRawBufferPointer(rebasing: line[(firstSpace + 1)...])
        guard let secondSpace = rest.firstIndex(of: ASCII.space), secondSpace > 0 else {
            throw .badRequest("malformed request line: expected METHOD SP target SP HTTP-version")
        }
        let methodBytes = UnsafeRawBufferPointer(rebasing: line[0..<firstSpace])
        let targetBytes = UnsafeRawBufferPointer(rebasing: rest[0..<secondSpace])
        let versionBytes = UnsafeRawBufferPointer(rebasing: rest[(secondSpace + 1)...])
        guard methodBytes.allSatisfy(ASCII.isToken) else { throw .badRequest("malformed method") }
        guard targetBytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw .badRequest("malformed request target")
        }
        guard
            targetBytes[0] == UInt8(ascii: "/") || targetBytes.count == 1 && targetBytes[0] == UInt8(ascii: "*")
                || isAbsoluteForm(targetBytes)
        else {
            throw .badRequest(targetFormMessage)
        }
        let minor = try parseVersion(versionBytes)
        let method = String(decoding: methodBytes, as: UTF8.self)
        guard isKnownMethod(method) else {
            throw HTTPParseError(status: 501, message: "method \(method) is not implemented")
        }
        // RFC 9112 §3.2.4: the asterisk form names the server as a whole, for OPTIONS only.
        if targetBytes.count == 1 && targetBytes[0] == UInt8(ascii: "*") && method != "OPTIONS" {
            throw .badRequest("the request target * is only valid with OPTIONS")
        }
        return (method, String(decoding: targetBytes, as: UTF8.self), minor)
    }

    private static func isAbsoluteForm(_ target: UnsafeRawBufferPointer) -> Bool {
        let lowered = target.prefix(8).map(ASCII.lower)
        return lowered.starts(with: Array("http://".utf8)) || lowered.starts(with: Array("https://".utf8))
    }

    /// Parses `HTTP/d.d`; returns the minor version (HTTP/1.2 and later minors are treated as 1.1).
    private static func parseVersion(_ bytes: UnsafeRawBufferPointer) throws(HTTPParseError) -> Int {
        guard bytes.count == 8, bytes.starts(with: Array("HTTP/".utf8)), bytes[6] == UInt8(ascii: "."),
            let major = ASCII.hexValue(bytes[5]), major <= 9, let minor = ASCII.hexValue(bytes[7]), minor <= 9,
            bytes[5] <= UInt8(ascii: "9"), bytes[7] <= UInt8(ascii: "9")
        else {
            throw .badRequest("malformed HTTP version: expected HTTP/1.1 or HTTP/1.0")
        }
        guard major == 1 else {
            throw HTTPParseError(status: 505, message: "HTTP/\(major).\(minor) is not supported; use HTTP/1.1")
        }
        return min(minor, 1)
    }

    /// Splits `name: value`, validating the name as a token and the value's bytes.
    private static func parseFieldLine(
        _ line: UnsafeRawBufferPointer
    ) throws(HTTPParseError) -> (UnsafeRawBufferPointer, UnsafeRawBufferPointer) {
        if line[0] == ASCII.space || line[0] == ASCII.tab {
            throw .badRequest("obsolete header line folding is not supported")
        }
        guard let colon = line.firstIndex(of: ASCII.colon), colon > 0 else {
            throw .badRequest("malformed header line: expected name: value")
        }
        let name = UnsafeRawBufferPointer(rebasing: line[0..<colon])
        guard name.allSatisfy(ASCII.isToken) else {
            throw .badRequest("malformed header name")
        }
        let value = ASCII.trimmed(UnsafeRawBufferPointer(rebasing: line[(colon + 1)...]))
        guard value.allSatisfy(ASCII.isFieldValueByte) else {
            throw .badRequest("header \(String(decoding: name, as: UTF8.self)) has a control character in its value")
        }
        return (name, value)
    }
}

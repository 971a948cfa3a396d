import SkillGateHTTP

/// The parts of an absolute URL (RFC 3986), as slices of its bytes with percent-encoding left in place.
///
/// Just enough URL parsing for ``CertificateChainURL``: every byte must be a URL character (`%` only
/// before two hex digits), `[` and `]` only in the authority. The fragment is dropped.
struct ParsedURL {
    /// The scheme before the first `:`, if the text starts with one.
    var scheme: ArraySlice<UInt8>?
    /// Whether the authority has a `user:password@` part.
    var hasUserInfo = false
    /// The host, still percent-encoded; nil when there is no `//` authority.
    var host: ArraySlice<UInt8>?
    /// The port number, nil when absent or empty.
    var port: Int?
    /// The path, still percent-encoded; may be empty.
    var path: ArraySlice<UInt8> = []
    /// The query after `?` (without it), still percent-encoded; nil when there is no `?`.
    var query: ArraySlice<UInt8>?

    /// Why text is not a URL.
    enum Failure: Error {
        /// A byte no URL may contain, a bad `%` escape, or brackets outside the authority.
        case notAURL
        /// The port is not a number (or an absurdly large one).
        case badPort
    }

    /// Splits URL text into its parts.
    /// - Parameter bytes: the URL text as UTF-8, already trimmed.
    /// - Returns: the parts, or why the text is not a URL.
    static func parse(_ bytes: [UInt8]) -> Result<ParsedURL, Failure> {
        guard !bytes.isEmpty, hasOnlyURLBytes(bytes) else { return .failure(.notAURL) }
        var parsed = ParsedURL()
        var cursor = bytes.startIndex
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, isAlpha(bytes[0]),
            bytes[1..<colon].allSatisfy(isSchemeByte)
        {
            parsed.scheme = bytes[0..<colon]
            cursor = colon + 1
        }
        let slash = UInt8(ascii: "/")
        if bytes.count - cursor >= 2, bytes[cursor] == slash, bytes[cursor + 1] == slash {
            let start = cursor + 2
            let end =
                bytes[start...].firstIndex(where: { $0 == slash || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) ?? bytes.endIndex
            if case .failure(let failure) = parsed.parseAuthority(bytes[start..<end]) { return .failure(failure) }
            cursor = end
        }
        let rest = bytes[cursor...]
        let pathEnd = rest.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) ?? rest.endIndex
        parsed.path = bytes[cursor..<pathEnd]
        if pathEnd < bytes.endIndex, bytes[pathEnd] == UInt8(ascii: "?") {
            let queryEnd = bytes[pathEnd...].firstIndex(of: UInt8(ascii: "#")) ?? bytes.endIndex
            parsed.query = bytes[(pathEnd + 1)..<queryEnd]
        }
        let outsideAuthority = bytes[cursor...]
        guard !outsideAuthority.contains(UInt8(ascii: "[")), !outsideAuthority.contains(UInt8(ascii: "]")) else {
            return .failure(.notAURL)
        }
        return .success(parsed)
    }

    /// Reads `[userinfo@]host[:port]`.
    private mutating func parseAuthority(_ authority: ArraySlice<UInt8>) -> Result<Void, Failure> {
        var hostAndPort = authority
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) {
            hasUserInfo = true
            hostAndPort = authority[(at + 1)...]
        }
        var portText: ArraySlice<UInt8> = []
        if hostAndPort.first == UInt8(ascii: "[") {
            guard let close = hostAndPort.firstIndex(of: UInt8(ascii: "]")) else { return .failure(.notAURL) }
            host = hostAndPort[...close]
            let after = hostAndPort[(close + 1)...]
            if let first = after.first {
                guard first == UInt8(ascii: ":") else { return .failure(.notAURL) }
                portText = after.dropFirst()
            }
        } else if let colon = hostAndPort.firstIndex(of: UInt8(ascii: ":")) {
            host = hostAndPort[..<colon]
            portText = hostAndPort[(colon + 1)...]
        } else {
            host = hostAndPort
        }
        if let host {
            let inner = host.first == UInt8(ascii: "[") ? host.dropFirst().dropLast() : host
            guard !inner.contains(UInt8(ascii: "[")), !inner.contains(UInt8(ascii: "]")) else { return .failure(.notAURL) }
        }
        guard !portText.isEmpty else { return .success(()) }
        var value = 0
        for byte in portText {
            guard Self.isDigit(byte), value < 1_000_000 else { return .failure(.badPort) }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        port = value
        return .success(())
    }

    /// Whether `bytes` equals the ASCII text `other`, ignoring ASCII case.
    static func equalsIgnoringCase(_ bytes: ArraySlice<UInt8>, _ other: String) -> Bool {
        bytes.count == other.utf8.count && zip(bytes, other.utf8).allSatisfy { lowercased($0) == lowercased($1) }
    }

    /// Decodes `%XX` escapes.
    /// - Returns: the decoded bytes, or nil when an escape is malformed or the result is not UTF-8.
    static func percentDecoded(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
        let (decoded, malformed) = PercentEncoding.decode(bytes)
        guard !malformed, decoded.allSatisfy({ $0 < 0x80 }) || String(validating: decoded, as: UTF8.self) != nil else { return nil }
        return decoded
    }

    /// Appends `path`, percent-encoding every byte a URL path may not hold as is (RFC 3986 `pchar`
    /// and `/` stay), with upper-case hex digits.
    static func appendPercentEncodedPath(_ path: [UInt8], to output: inout [UInt8]) {
        PercentEncoding.append(path, keeping: .path, to: &output)
    }

    /// Every byte is unreserved, reserved, or part of a well-formed `%XX` escape.
    private static func hasOnlyURLBytes(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { byte in
            PercentEncoding.isUnreserved(byte) || PercentEncoding.isSubDelimiter(byte) || PercentEncoding.isGeneralDelimiter(byte)
                || byte == UInt8(ascii: "%")
        } && !PercentEncoding.decode(bytes).malformed
    }

    private static func isAlpha(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        isAlpha(byte) || isDigit(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}

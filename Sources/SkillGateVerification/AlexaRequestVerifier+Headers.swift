extension AlexaRequestVerifier {
    /// Verifies a request given its headers as name-value pairs (names matched case-insensitively).
    /// - Parameters:
    ///   - body: the request body exactly as received.
    ///   - headers: the request headers as (name, value) pairs; the first match of each name wins.
    /// - Throws: ``VerificationError`` for the first failed check; answer HTTP 400.
    public func verify(body: [UInt8], headers: [(String, String)]) async throws(VerificationError) {
        try await verify(body: body, header: { Self.value(of: $0, in: headers) })
    }

    /// Looks up a header value case-insensitively (ASCII), as HTTP header names are compared.
    /// - Parameters:
    ///   - name: the header name, any case.
    ///   - headers: (name, value) pairs.
    /// - Returns: the first matching value, or nil.
    public static func value(of name: String, in headers: [(String, String)]) -> String? {
        headers.first { asciiCaseInsensitiveEquals($0.0, name) }?.1
    }

    private static func asciiCaseInsensitiveEquals(_ lhs: String, _ rhs: String) -> Bool {
        var left = lhs.utf8.makeIterator()
        var right = rhs.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil):
                return true
            case (let l?, let r?):
                if lowercased(l) != lowercased(r) { return false }
            default:
                return false
            }
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }
}

/// The header fields that decide framing and connection handling, collected while parsing.
struct FieldSummary {
    private var contentLengths: [UnsafeRawBufferPointer] = []
    private var transferEncodings: [String] = []
    /// Whether a `Transfer-Encoding` field was present, even one with no coding in it.
    private var hasTransferEncoding = false
    private var connectionTokens: [String] = []
    private var expectations: [String] = []
    private var hostCount = 0

    /// Records a field if it is one of the few the server itself interprets.
    mutating func note(name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) {
        switch name.count {
        case 14 where ASCII.equalsLowercased(name, "content-length"):
            contentLengths.append(value)
        case 17 where ASCII.equalsLowercased(name, "transfer-encoding"):
            hasTransferEncoding = true
            transferEncodings.append(contentsOf: ASCII.lowercasedTokens(String(decoding: value, as: UTF8.self)))
        case 10 where ASCII.equalsLowercased(name, "connection"):
            connectionTokens.append(contentsOf: ASCII.lowercasedTokens(String(decoding: value, as: UTF8.self)))
        case 6 where ASCII.equalsLowercased(name, "expect"):
            expectations.append(String(decoding: value, as: UTF8.self).lowercased())
        case 4 where ASCII.equalsLowercased(name, "host"):
            hostCount += 1
        default:
            break
        }
    }

    /// Builds the head, deciding body framing, keep-alive and `Expect` handling (RFC 9112 §6).
    func head(
        method: String, target: String, versionMinor: Int, headers: HTTPHeaders, limits: ParserLimits
    ) throws(HTTPParseError) -> RequestHead {
        if versionMinor >= 1 && hostCount != 1 {
            throw .badRequest(hostCount == 0 ? "missing Host header" : "more than one Host header")
        }
        let framing = try bodyFraming(method: method, limits: limits)
        var keepAlive =
            versionMinor >= 1 ? !connectionTokens.contains("close") : connectionTokens.contains("keep-alive")
        if versionMinor == 0 && framing == .chunked {
            keepAlive = false
        }
        var expectContinue = false
        for expectation in expectations {
            guard expectation == "100-continue" else {
                throw HTTPParseError(status: 417, message: "unsupported expectation \(expectation)")
            }
            expectContinue = versionMinor >= 1
        }
        return RequestHead(
            method: method, target: target, versionMinor: versionMinor, headers: headers,
            framing: framing, keepAlive: keepAlive, expectContinue: expectContinue
        )
    }

    private func bodyFraming(method: String, limits: ParserLimits) throws(HTTPParseError) -> BodyFraming {
        // RFC 9112 §6.1, §6.3: any Transfer-Encoding field, even an empty one, overrides
        // Content-Length; both together may be a smuggling attempt, so refuse rather than guess.
        if hasTransferEncoding {
            guard contentLengths.isEmpty else {
                throw .badRequest("both Transfer-Encoding and Content-Length are present")
            }
            guard !transferEncodings.isEmpty else {
                throw .badRequest("Transfer-Encoding names no transfer coding; send chunked or drop the field")
            }
            guard transferEncodings == ["chunked"] else {
                throw HTTPParseError(
                    status: 501,
                    message:
                        "transfer coding \(transferEncodings.joined(separator: ", ")) is not implemented; only chunked is"
                )
            }
            return .chunked
        }
        if !contentLengths.isEmpty {
            var length: Int?
            for value in contentLengths {
                for part in value.split(separator: ASCII.comma, omittingEmptySubsequences: false) {
                    let digits = ASCII.trimmed(UnsafeRawBufferPointer(rebasing: part))
                    guard let parsed = ASCII.parseDecimal(digits) else {
                        if digits.count > 18, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
                            throw HTTPParseError(status: 413, message: "body larger than \(limits.maxBodyBytes) bytes")
                        }
                        throw .badRequest("malformed Content-Length")
                    }
                    guard length == nil || length == parsed else {
                        throw .badRequest("conflicting Content-Length values")
                    }
                    length = parsed
                }
            }
            let size = length ?? 0
            guard size <= limits.maxBodyBytes else {
                throw HTTPParseError(
                    status: 413, message: "body of \(size) bytes is larger than \(limits.maxBodyBytes) bytes")
            }
            return size == 0 ? .none : .length(size)
        }
        switch method {
        case "POST", "PUT", "PATCH":
            throw HTTPParseError(status: 411, message: "\(method) needs a Content-Length or chunked body")
        default:
            return .none
        }
    }
}

/// Writes a response's status line, headers and body into a connection's output buffer.
enum ResponseSerializer {
    /// Appends `response` to `buffer`.
    /// - Parameters:
    ///   - response: what the responder (or the server) produced.
    ///   - buffer: the connection's output buffer.
    ///   - includeBody: false for `HEAD` requests.
    ///   - keepAlive: whether the connection stays open afterwards.
    ///   - date: the current `Date` value.
    /// - Returns: the number of body bytes written.
    @discardableResult
    static func append(
        _ response: HTTPResponse, to buffer: inout [UInt8], includeBody: Bool, keepAlive: Bool, date: [UInt8]
    ) -> Int {
        let status = (100...999).contains(response.status) ? response.status : 500
        buffer.append(contentsOf: "HTTP/1.1 ".utf8)
        ASCII.appendDecimal(status, to: &buffer)
        buffer.append(ASCII.space)
        buffer.append(contentsOf: reasonPhrase(status).utf8)
        buffer.append(contentsOf: "\r\n".utf8)
        var hasDate = false
        for field in response.headers {
            switch field.name.utf8.count {
            case 14 where field.name.equalsCaseInsensitively("content-length"): continue
            case 10 where field.name.equalsCaseInsensitively("connection"): continue
            case 17 where field.name.equalsCaseInsensitively("transfer-encoding"): continue
            case 4 where field.name.equalsCaseInsensitively("date"): hasDate = true
            default: break
            }
            guard isSafe(name: field.name), isSafe(value: field.value) else { continue }
            buffer.append(contentsOf: field.name.utf8)
            buffer.append(contentsOf: ": ".utf8)
            buffer.append(contentsOf: field.value.utf8)
            buffer.append(contentsOf: "\r\n".utf8)
        }
        let bodyAllowed = status >= 200 && status != 204 && status != 304
        if bodyAllowed {
            buffer.append(contentsOf: "Content-Length: ".utf8)
            ASCII.appendDecimal(response.body.count, to: &buffer)
            buffer.append(contentsOf: "\r\n".utf8)
        }
        buffer.append(contentsOf: keepAlive ? "Connection: keep-alive\r\n".utf8 : "Connection: close\r\n".utf8)
        if !hasDate {
            buffer.append(contentsOf: "Date: ".utf8)
            buffer.append(contentsOf: date)
            buffer.append(contentsOf: "\r\n".utf8)
        }
        buffer.append(contentsOf: "\r\n".utf8)
        guard bodyAllowed && includeBody else { return 0 }
        buffer.append(contentsOf: response.body)
        return response.body.count
    }

    /// Whether a header name from a responder is a token (no CR/LF injection).
    private static func isSafe(name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy(ASCII.isToken)
    }

    /// Whether a header value from a responder has no control characters (no response splitting).
    private static func isSafe(value: String) -> Bool {
        value.utf8.allSatisfy(ASCII.isFieldValueByte)
    }

    /// The standard reason phrase for a status code.
    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 411: "Length Required"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 415: "Unsupported Media Type"
        case 417: "Expectation Failed"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        case 505: "HTTP Version Not Supported"
        default: status < 400 ? "OK" : status < 500 ? "Client Error" : "Server Error"
        }
    }
}

/// Serializes a client request into one buffer.
enum ClientRequestWriter {
    /// Builds `METHOD path HTTP/1.1`, the headers (adding `Host` and `Content-Length`) and the body.
    /// - Parameter hostHeader: the `Host` value used when `headers` has none, e.g. `example.com:8443`.
    /// - Throws: ``HTTPClientError`` with kind `.invalidRequest` for a bad method, path or header.
    static func serialize(
        method: String, path: String, headers: HTTPHeaders, body: [UInt8], hostHeader: String
    ) throws(HTTPClientError) -> [UInt8] {
        guard !method.isEmpty, method.utf8.allSatisfy(ASCII.isToken) else {
            throw HTTPClientError(kind: .invalidRequest, description: "invalid HTTP method \"\(method)\"")
        }
        guard !path.isEmpty, path.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw HTTPClientError(
                kind: .invalidRequest,
                description: "invalid request path \"\(path)\": percent-encode spaces and non-ASCII"
            )
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256 + body.count)
        bytes.append(contentsOf: "\(method) \(path) HTTP/1.1\r\n".utf8)
        if !headers.contains(name: "host") {
            bytes.append(contentsOf: "Host: \(hostHeader)\r\n".utf8)
        }
        for field in headers {
            if field.name.equalsCaseInsensitively("content-length")
                || field.name.equalsCaseInsensitively("transfer-encoding")
            {
                continue
            }
            guard !field.name.isEmpty, field.name.utf8.allSatisfy(ASCII.isToken),
                field.value.utf8.allSatisfy(ASCII.isFieldValueByte)
            else {
                throw HTTPClientError(kind: .invalidRequest, description: "invalid header \"\(field.name)\"")
            }
            bytes.append(contentsOf: "\(field.name): \(field.value)\r\n".utf8)
        }
        if !body.isEmpty || ["POST", "PUT", "PATCH"].contains(method) {
            bytes.append(contentsOf: "Content-Length: \(body.count)\r\n".utf8)
        }
        bytes.append(contentsOf: "\r\n".utf8)
        bytes.append(contentsOf: body)
        return bytes
    }
}

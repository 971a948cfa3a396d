/// Reads one HTTP/1.x response from a ``ClientConnection``, plain or TLS: the client's only response parser.
enum ClientResponseReader {
    static let maxHeadBytes = 64 * 1024

    /// Reads a response to a request with `method`, skipping interim 1xx responses.
    /// - Parameter maxBodyBytes: the largest body accepted, however it is framed.
    /// - Returns: the response and whether the connection may carry another request.
    static func read(
        from connection: ClientConnection, method: String, maxBodyBytes: Int, deadline: ContinuousClock.Instant?, interruptFD: Int32
    ) throws(ClientIOError) -> (HTTPClientResponse, reusable: Bool) {
        while true {
            let headEnd = try readHead(from: connection, deadline: deadline, interruptFD: interruptFD)
            let parsed = connection.buffer.withUnsafeBytes { raw in
                Result { () throws(ClientIOError) in try parseHead(UnsafeRawBufferPointer(rebasing: raw[0..<headEnd])) }
            }
            let (status, minor, reason, headers) = try parsed.get()
            connection.buffer.removeFirst(headEnd)
            if (100..<200).contains(status) && status != 101 {
                continue
            }
            connection.receivedHead = HTTPClientResponse(status: status, reason: reason, headers: headers)
            var reusable = minor >= 1
            for field in headers where field.name.equalsCaseInsensitively("connection") {
                let tokens = ASCII.lowercasedTokens(field.value)
                if tokens.contains("close") { reusable = false }
                if tokens.contains("keep-alive") && minor == 0 { reusable = true }
            }
            let body: [UInt8]
            if method == "HEAD" || status == 204 || status == 304 {
                body = []
            } else if let encoding = headers["transfer-encoding"] {
                guard ASCII.lowercasedTokens(encoding).last == "chunked" else {
                    throw .malformed("unsupported Transfer-Encoding \(encoding)")
                }
                body = try readChunked(from: connection, maxBodyBytes: maxBodyBytes, deadline: deadline, interruptFD: interruptFD)
            } else if let lengthText = headers["content-length"] {
                guard let length = Int(lengthText.trimmingCharacters()), length >= 0 else {
                    throw .malformed("bad Content-Length \(lengthText)")
                }
                guard length <= maxBodyBytes else { throw .tooLarge }
                body = try readExactly(length, from: connection, deadline: deadline, interruptFD: interruptFD)
            } else {
                body = try readUntilClose(from: connection, maxBodyBytes: maxBodyBytes, deadline: deadline, interruptFD: interruptFD)
                reusable = false
            }
            if !connection.buffer.isEmpty { reusable = false }
            connection.receivedHead = nil
            return (HTTPClientResponse(status: status, reason: reason, headers: headers, body: body), reusable)
        }
    }

    /// Reads until the buffer holds a complete head; returns the index just past it.
    private static func readHead(from connection: ClientConnection, deadline: ContinuousClock.Instant?, interruptFD: Int32)
        throws(ClientIOError) -> Int
    {
        var scanned = 0
        while true {
            if let end = findHeadEnd(connection.buffer, from: scanned) { return end }
            scanned = max(0, connection.buffer.count - 3)
            guard connection.buffer.count <= maxHeadBytes else { throw .malformed("response head larger than 64 KiB") }
            if try connection.readMore(deadline: deadline, interruptFD: interruptFD) == 0 {
                throw .closed(receivedResponseBytes: connection.receivedTotal > 0 && !connection.buffer.isEmpty)
            }
        }
    }

    private static func findHeadEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == ASCII.lf {
                if index + 1 < bytes.count && bytes[index + 1] == ASCII.lf { return index + 2 }
                if index + 2 < bytes.count && bytes[index + 1] == ASCII.cr && bytes[index + 2] == ASCII.lf {
                    return index + 3
                }
            }
            index += 1
        }
        return nil
    }

    /// Parses `HTTP/1.x NNN reason` and the header fields.
    /// - Returns: the status, the minor version, the reason phrase and the fields.
    private static func parseHead(_ head: UnsafeRawBufferPointer) throws(ClientIOError) -> (Int, Int, String, HTTPHeaders) {
        var lines = head.split(separator: ASCII.lf, omittingEmptySubsequences: false).map { line in
            var bytes = UnsafeRawBufferPointer(rebasing: line)
            if bytes.last == ASCII.cr { bytes = UnsafeRawBufferPointer(rebasing: bytes.dropLast()) }
            return bytes
        }
        guard !lines.isEmpty else { throw .malformed("empty response") }
        let statusLine = lines.removeFirst()
        guard statusLine.count >= 12, statusLine.starts(with: Array("HTTP/1.".utf8)), statusLine[8] == ASCII.space,
            let minor = ASCII.hexValue(statusLine[7]), minor <= 9,
            let status = ASCII.parseDecimal(UnsafeRawBufferPointer(rebasing: statusLine[9..<12])), status >= 100
        else {
            throw .malformed("bad status line \"\(String(decoding: statusLine.prefix(80), as: UTF8.self))\"")
        }
        // The reason phrase, printable ASCII only and shortened: it ends up in messages.
        let reason = statusLine.dropFirst(13).prefix(60).map { $0 >= 0x20 && $0 < 0x7F ? $0 : UInt8(ascii: "?") }
        var headers = HTTPHeaders()
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ASCII.colon), colon > 0 else {
                throw .malformed("bad header line \"\(String(decoding: line.prefix(80), as: UTF8.self))\"")
            }
            let name = UnsafeRawBufferPointer(rebasing: line[0..<colon])
            let value = ASCII.trimmed(UnsafeRawBufferPointer(rebasing: line[(colon + 1)...]))
            headers.add(name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self))
        }
        return (status, minor, String(decoding: reason, as: UTF8.self), headers)
    }

    private static func readExactly(
        _ length: Int, from connection: ClientConnection, deadline: ContinuousClock.Instant?, interruptFD: Int32
    ) throws(ClientIOError) -> [UInt8] {
        while connection.buffer.count < length {
            if try connection.readMore(deadline: deadline, interruptFD: interruptFD) == 0 {
                throw .closed(receivedResponseBytes: true)
            }
        }
        let body = Array(connection.buffer[0..<length])
        connection.buffer.removeFirst(length)
        return body
    }

    private static func readChunked(
        from connection: ClientConnection, maxBodyBytes: Int, deadline: ContinuousClock.Instant?, interruptFD: Int32
    ) throws(ClientIOError) -> [UInt8] {
        var decoder = ChunkedDecoder(maxBodyBytes: maxBodyBytes)
        var body: [UInt8] = []
        while true {
            let decoded = connection.buffer.withUnsafeBytes { raw in
                Result { () throws(ChunkedDecoder.Failure) in try decoder.decode(raw, into: &body) }
            }
            let consumed: Int
            switch decoded {
            case .success(let count): consumed = count
            case .failure(.tooLarge): throw .tooLarge
            case .failure(.malformed(let reason)): throw .malformed(reason)
            }
            connection.buffer.removeFirst(consumed)
            if decoder.isDone { return body }
            if try connection.readMore(deadline: deadline, interruptFD: interruptFD) == 0 {
                throw .closed(receivedResponseBytes: true)
            }
        }
    }

    private static func readUntilClose(
        from connection: ClientConnection, maxBodyBytes: Int, deadline: ContinuousClock.Instant?, interruptFD: Int32
    ) throws(ClientIOError) -> [UInt8] {
        repeat {
            guard connection.buffer.count <= maxBodyBytes else { throw .tooLarge }
        } while try connection.readMore(deadline: deadline, interruptFD: interruptFD) > 0
        guard connection.buffer.count <= maxBodyBytes else { throw .tooLarge }
        let body = connection.buffer
        connection.buffer = []
        return body
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingCharacters() -> String {
        String(Substring(self).trimmingWhitespace())
    }
}

/// Package-level handles on the server's request-head parser and chunked decoder, for the fuzz
/// harness `skillgate-fuzz-http`: it drives the real code the way a connection does and compares
/// plain values. Nothing here changes what the parser or the decoder do.
package struct RequestHeadProbe {
    /// How a request's body is delimited.
    package enum Framing: Equatable, Sendable {
        case none
        case length(Int)
        case chunked
    }

    /// A parsed head, as plain values.
    package struct Head: Equatable, Sendable {
        package var method: String
        package var target: String
        package var versionMinor: Int
        /// `name: value` per field, in order.
        package var fields: [String]
        package var framing: Framing
        package var keepAlive: Bool
        package var expectContinue: Bool
    }

    /// Why the parser refused a head: the status the server answers and its message.
    package struct Refusal: Error, Equatable, Sendable {
        package var status: Int
        package var message: String
    }

    private var parser: RequestHeadParser

    /// A parser with these limits (the server copies them from its configuration).
    package init(maxRequestLineBytes: Int, maxHeaderBytes: Int, maxHeaderCount: Int, maxBodyBytes: Int) {
        parser = RequestHeadParser(
            limits: ParserLimits(
                maxRequestLineBytes: maxRequestLineBytes, maxHeaderBytes: maxHeaderBytes, maxHeaderCount: maxHeaderCount,
                maxBodyBytes: maxBodyBytes))
    }

    /// Whether no byte of the current request has been scanned yet.
    package var isAtStart: Bool { parser.isAtStart }

    /// Forgets the current request, as the server does after each head.
    package mutating func reset() { parser.reset() }

    /// The empty lines before a request line, which the server skips.
    package static func leadingEmptyLineBytes(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { RequestHeadParser.leadingEmptyLineBytes($0) }
    }

    /// Parses the head at the start of the unconsumed bytes, as the server does each time more arrive.
    /// - Returns: the head and the bytes it used, or nil when more are needed.
    package mutating func parse(_ bytes: [UInt8]) -> Result<(Head, Int)?, Refusal> {
        var parser = self.parser
        defer { self.parser = parser }
        return bytes.withUnsafeBytes { raw -> Result<(Head, Int)?, Refusal> in
            do throws(HTTPParseError) {
                guard let (head, used) = try parser.parse(raw) else { return .success(nil) }
                return .success((Self.plain(head), used))
            } catch {
                return .failure(Refusal(status: error.status, message: error.message))
            }
        }
    }

    private static func plain(_ head: RequestHead) -> Head {
        let framing: Framing
        switch head.framing {
        case .none: framing = .none
        case .length(let length): framing = .length(length)
        case .chunked: framing = .chunked
        }
        return Head(
            method: head.method, target: head.target, versionMinor: head.versionMinor,
            fields: head.headers.map { "\($0.name): \($0.value)" }, framing: framing, keepAlive: head.keepAlive,
            expectContinue: head.expectContinue)
    }
}

/// A package-level handle on the chunked decoder, for `skillgate-fuzz-http`.
package struct ChunkedProbe {
    private var decoder: ChunkedDecoder

    /// A decoder that refuses bodies larger than `maxBodyBytes`.
    package init(maxBodyBytes: Int) { decoder = ChunkedDecoder(maxBodyBytes: maxBodyBytes) }

    /// Whether the last chunk and the trailers have been read.
    package var isDone: Bool { decoder.isDone }

    /// Decodes from the unconsumed bytes, appending data to `body`.
    /// - Returns: how many bytes were consumed, or why the body was refused (`tooLarge` or the
    ///   malformed-framing reason).
    package mutating func decode(_ bytes: [UInt8], into body: inout [UInt8]) -> Result<Int, RequestHeadProbe.Refusal> {
        var decoder = self.decoder
        defer { self.decoder = decoder }
        return bytes.withUnsafeBytes { raw -> Result<Int, RequestHeadProbe.Refusal> in
            do throws(ChunkedDecoder.Failure) {
                return .success(try decoder.decode(raw, into: &body))
            } catch {
                switch error {
                case .tooLarge: return .failure(RequestHeadProbe.Refusal(status: 413, message: "tooLarge"))
                case .malformed(let reason): return .failure(RequestHeadProbe.Refusal(status: 400, message: reason))
                }
            }
        }
    }
}

import SkillGateHTTP
import Testing

/// RFC 9112 framing cases from the hardening issue's item 11, each over a real socket.
struct FramingHardeningTests {
    /// A configuration whose header timeout is far beyond the test client's 10 s read timeout, so
    /// an answer that waits for the timeout fails the test instead of passing late.
    static let patient = HTTPServerConfiguration(
        port: 0, headerTimeout: .seconds(60), accessLog: false, eventLoopCount: 2)

    @Test("an empty Transfer-Encoding (or a bare comma) with a Content-Length is refused 400", arguments: ["", ",", " , "])
    func emptyTransferEncoding(value: String) async throws {
        try await withServer { _, port in
            let client = try await RawClient.connect(port: port)
            try await client.send("POST /te HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: \(value)\r\nContent-Length: 2\r\n\r\nhi")
            let response = try #require(try await client.readResponse())
            #expect(response.status == 400)
            #expect(response.text.contains("Transfer-Encoding"))
            #expect(try await client.waitForClose())
        }
    }

    @Test("an empty Transfer-Encoding alone is refused 400, not framed as no body")
    func emptyTransferEncodingAlone() async throws {
        try await withServer { _, port in
            let client = try await RawClient.connect(port: port)
            try await client.send("POST /te HTTP/1.1\r\nHost: t\r\nTransfer-Encoding:\r\n\r\n")
            let response = try #require(try await client.readResponse())
            #expect(response.status == 400)
            #expect(response.text.contains("names no transfer coding"))
        }
    }

    @Test(
        "a bare LF in chunked framing is a line end: the pipelined request after the body is answered",
        arguments: ["2\r\nhi\r\n0\r\n\n", "2\r\nhi\r\n0\n\n", "2\nhi\n0\n\n", "2;x=y\nhi\r\n0\r\nTrailer: t\n\n"])
    func bareLineFeedEndsChunkedBody(framing: String) async throws {
        try await withServer { _, port in
            let head = "POST /chunked HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
            let client = try await RawClient.connect(port: port, firstBytes: Array((head + framing + request("GET", "/next")).utf8))
            let responses = try await client.readResponses(2)
            #expect(responses.map(\.status) == [200, 200])
            #expect(responses.first?.text == "hi")
            #expect(responses.last?.headers["X-Path"] == "/next")
        }
    }

    @Test("a TLS ClientHello is refused 400 at once, not 408 after the header timeout")
    func tlsClientHello() async throws {
        try await withServer(Self.patient) { _, port in
            // The record and handshake headers of a ClientHello, as `curl https://` sends them.
            let hello: [UInt8] = [0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xFC, 0x03, 0x03] + (0..<32).map { UInt8($0) }
            let client = try await RawClient.connect(port: port, firstBytes: hello)
            let response = try #require(try await client.readResponse())
            #expect(response.status == 400)
            #expect(response.text.contains("TLS"))
        }
    }

    @Test("random bytes are refused 400 at once, not 408 after the header timeout")
    func randomBytes() async throws {
        try await withServer(Self.patient) { _, port in
            var generator = SplitMix64(seed: 0x5EED)
            for round in 0..<20 {
                let bytes = (0..<300).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
                let client = try await RawClient.connect(port: port, firstBytes: bytes)
                let response = try await client.readResponse()
                #expect(response?.status == 400, "round \(round): \(bytes.prefix(16))")
            }
        }
    }

    @Test("the parser refuses an impossible request line from its first bytes, the same however they arrive")
    func earlyRefusalIsSplitIndependent() {
        let inputs: [[UInt8]] = [
            [0x16, 0x03, 0x01], Array("GET /\u{1} HTTP/1.1".utf8), Array("GET / HTTP/1.1 extra".utf8),
            Array("GET x HTTP/1.1".utf8), Array("GET * HTTP/1.1".utf8) + [13, 10, 13, 10], Array("G@T / HTTP/1.1".utf8),
        ]
        for input in inputs {
            var whole = RequestHeadProbe(maxRequestLineBytes: 100, maxHeaderBytes: 100, maxHeaderCount: 10, maxBodyBytes: 10)
            let wholeResult = whole.parse(input)
            guard case .failure(let refusal) = wholeResult else {
                Issue.record("not refused: \(input)")
                continue
            }
            #expect(refusal.status == 400)
            var bytewise = RequestHeadProbe(maxRequestLineBytes: 100, maxHeaderBytes: 100, maxHeaderCount: 10, maxBodyBytes: 10)
            var result = Result<(RequestHeadProbe.Head, Int)?, RequestHeadProbe.Refusal>.success(nil)
            for end in 1...input.count {
                result = bytewise.parse(Array(input[0..<end]))
                if case .failure = result { break }
            }
            #expect(result.failureValue == refusal, "\(input)")
        }
    }
}

/// A small deterministic generator for test bytes.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

extension Result {
    fileprivate var failureValue: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}

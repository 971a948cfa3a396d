import Testing

@testable import SkillGateHTTP

struct ParserTests {
    private func parse(_ text: String, limits: ParserLimits = ParserTests.limits) throws -> RequestHead? {
        var parser = RequestHeadParser(limits: limits)
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBytes { raw in try parser.parse(raw)?.0 }
    }

    static let limits = ParserLimits(maxRequestLineBytes: 64, maxHeaderBytes: 256, maxHeaderCount: 4, maxBodyBytes: 100)

    @Test("a complete head is parsed; an incomplete one waits for more")
    func basic() throws {
        let head = try #require(try parse("POST /a?b=c HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nX-A:  v \r\n\r\n"))
        #expect(head.method == "POST")
        #expect(head.target == "/a?b=c")
        #expect(head.framing == .length(5))
        #expect(head.headers["x-a"] == "v")
        #expect(head.keepAlive)
        #expect(try parse("GET / HTTP/1.1\r\nHost: x\r\n") == nil)
    }

    @Test("bytes fed one at a time parse to the same head")
    func incremental() throws {
        let text = Array("GET /slow HTTP/1.1\nHost: x\nConnection: close\n\n".utf8)
        var parser = RequestHeadParser(limits: Self.limits)
        var result: (RequestHead, Int)?
        for end in 1...text.count {
            result = try Array(text[0..<end]).withUnsafeBytes { try parser.parse($0) }
            if end < text.count { #expect(result == nil) }
        }
        let (head, used) = try #require(result)
        #expect(used == text.count)
        #expect(head.target == "/slow")
        #expect(!head.keepAlive)
    }

    @Test("HTTP/1.1 minors above 1 are treated as 1.1")
    func minorVersion() throws {
        #expect(try parse("GET / HTTP/1.2\r\nHost: x\r\n\r\n")?.versionMinor == 1)
    }

    @Test("request targets split into path and query")
    func targets() {
        #expect(RequestTarget.split("/a/b?x=1&y") == ("/a/b", "x=1&y"))
        #expect(RequestTarget.split("/plain") == ("/plain", nil))
        #expect(RequestTarget.split("http://example.com:80/p?q") == ("/p", "q"))
        #expect(RequestTarget.split("http://example.com") == ("/", nil))
    }

    @Test("the chunked decoder handles arbitrary splits")
    func chunkedSplits() throws {
        let encoded = Array("3\r\nabc\r\n10;ext\r\n0123456789abcdef\r\n0\r\n\r\nNEXT".utf8)
        for split in 1..<encoded.count {
            var decoder = ChunkedDecoder(maxBodyBytes: 100)
            var body: [UInt8] = []
            var consumed = try Array(encoded[0..<split]).withUnsafeBytes { try decoder.decode($0, into: &body) }
            if !decoder.isDone {
                consumed += try Array(encoded[consumed...]).withUnsafeBytes { try decoder.decode($0, into: &body) }
            }
            #expect(decoder.isDone)
            #expect(String(decoding: body, as: UTF8.self) == "abc0123456789abcdef")
            #expect(consumed == encoded.count - 4)
        }
    }

    @Test("error bodies are escaped JSON")
    func errorBody() {
        let response = HTTPResponse.error(status: 400, message: "bad \"quote\" \\ and\nnewline \u{1}")
        #expect(
            String(decoding: response.body, as: UTF8.self)
                == #"{"error":{"status":400,"message":"bad \"quote\" \\ and\nnewline \u0001"}}"#)
        #expect(response.headers["content-type"] == "application/json;charset=UTF-8")
    }

    @Test("headers keep order and look names up case-insensitively")
    func headers() {
        var headers: HTTPHeaders = ["A": "1", "Set-Cookie": "x"]
        headers.add(name: "set-cookie", value: "y")
        #expect(headers["SET-COOKIE"] == "x")
        #expect(headers.values(for: "Set-Cookie") == ["x", "y"])
        headers.replaceOrAdd(name: "SET-cookie", value: "z")
        #expect(headers.values(for: "set-cookie") == ["z"])
        headers.replaceOrAdd(name: "B", value: "2")
        #expect(headers.map(\.name) == ["A", "SET-cookie", "B"])
    }

    @Test("the Date header is IMF-fixdate")
    func date() {
        #expect(String(decoding: HTTPDateCache.format(784_111_777), as: UTF8.self) == "Sun, 06 Nov 1994 08:49:37 GMT")
    }
}

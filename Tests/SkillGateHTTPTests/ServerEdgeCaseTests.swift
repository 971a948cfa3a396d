import SkillGateHTTP
import Testing

/// What the server answers on its own (the hardening issue's item 11): the header timeout of a
/// silent-then-trickling client, error answers to HEAD, and `OPTIONS *`.
struct ServerEdgeCaseTests {
    @Test("a client silent, then trickling, is cut off one header timeout after it connected, not two")
    func silentThenTrickling() async throws {
        let configuration = HTTPServerConfiguration(port: 0, headerTimeout: .seconds(3), accessLog: false, eventLoopCount: 1)
        try await withServer(configuration) { _, port in
            let start = ContinuousClock.now
            let client = try await RawClient.connect(port: port)
            try await Task.sleep(for: .seconds(2))
            let trickle = Task {
                for byte in Array(("GET / HTTP/1.1\r\nHost: t\r\nX-Slow: " + String(repeating: "a", count: 200)).utf8) {
                    guard (try? await client.send(bytes: [byte])) != nil, !Task.isCancelled else { return }
                    try? await Task.sleep(for: .milliseconds(100))
                }
            }
            let response = try? await client.readResponse()
            let elapsed = ContinuousClock.now - start
            trickle.cancel()
            if let response { #expect(response.status == 408) }
            // One timeout is 3 s from the connect; two would be 5 s or more. Loaded machines run late.
            #expect(elapsed < .milliseconds(4300), "cut off after \(elapsed)")
        }
    }

    @Test("error answers to HEAD carry no body, but the Content-Length the GET answer would have")
    func headErrorsHaveNoBody() async throws {
        let heads = [
            ("HEAD / HTTP/1.1\r\nHost: t\r\nnot a header\r\n\r\n", 400),
            ("HEAD / HTTP/1.1\r\nHost: t\r\nContent-Length: 99999999\r\n\r\n", 413),
            ("HEAD /\u{1} HTTP/1.1\r\nHost: t\r\n\r\n", 400),
            ("HEAD / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
        ]
        try await withServer { _, port in
            for (text, status) in heads {
                let client = try await RawClient.connect(port: port, firstBytes: Array(text.utf8))
                let response = try #require(try await client.readResponseHeadOnly())
                #expect(response.status == status, "\(text)")
                #expect(Int(response.headers["Content-Length"] ?? "0") ?? 0 > 0, "\(text)")
                #expect(try await client.waitForClose(), "a body followed the head for \(text)")
            }
        }
    }

    @Test("OPTIONS * is answered by the server with Allow; * with another method is refused")
    func optionsAsterisk() async throws {
        let responder = HTTPClosureResponder { _ in .error(status: 404, message: "no such path") }
        try await withServer(responder: responder) { _, port in
            let options = "OPTIONS * HTTP/1.1\r\nHost: t\r\n\r\n"
            let client = try await RawClient.connect(port: port, firstBytes: Array((options + options + request("GET", "/x")).utf8))
            let responses = try await client.readResponses(3)
            #expect(responses.map(\.status) == [204, 204, 404])
            #expect(responses.first?.headers["Allow"]?.contains("OPTIONS") == true)
            #expect(responses.first?.headers["Allow"]?.contains("POST") == true)
            #expect(responses.first?.headers["Connection"] == "keep-alive")

            let get = try await RawClient.connect(port: port, firstBytes: Array("GET * HTTP/1.1\r\nHost: t\r\n\r\n".utf8))
            let refused = try #require(try await get.readResponse())
            #expect(refused.status == 400)
            #expect(refused.text.contains("only valid with OPTIONS"))
        }
    }
}

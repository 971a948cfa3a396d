import SkillGateHTTP
import Synchronization
import Testing

/// A request the server must refuse, and the status it must answer.
struct RefusalCase: CustomTestStringConvertible, Sendable {
    var name: String
    var bytes: String
    var status: Int
    var testDescription: String { "\(name) → \(status)" }
}

struct ServerLimitsTests {
    static let refusals: [RefusalCase] = [
        RefusalCase(name: "malformed request line", bytes: "GARBAGE\r\n\r\n", status: 400),
        RefusalCase(name: "bad header line", bytes: "GET / HTTP/1.1\r\nHost: t\r\nNo colon here\r\n\r\n", status: 400),
        RefusalCase(name: "space before colon", bytes: "GET / HTTP/1.1\r\nHost : t\r\n\r\n", status: 400),
        RefusalCase(name: "missing Host", bytes: "GET / HTTP/1.1\r\n\r\n", status: 400),
        RefusalCase(name: "bad version", bytes: "GET / HTTP/2.0\r\nHost: t\r\n\r\n", status: 505),
        RefusalCase(name: "garbage version", bytes: "GET / HTXP/1.1\r\nHost: t\r\n\r\n", status: 400),
        RefusalCase(name: "unknown method", bytes: "BREW /pot HTTP/1.1\r\nHost: t\r\n\r\n", status: 501),
        RefusalCase(name: "POST without length", bytes: "POST / HTTP/1.1\r\nHost: t\r\n\r\n", status: 411),
        RefusalCase(
            name: "bad Content-Length", bytes: "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 12x\r\n\r\n", status: 400),
        RefusalCase(
            name: "conflicting Content-Length",
            bytes: "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", status: 400
        ),
        RefusalCase(
            name: "both Transfer-Encoding and Content-Length",
            bytes: "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            status: 400
        ),
        RefusalCase(
            name: "unknown transfer coding",
            bytes: "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", status: 501
        ),
        RefusalCase(
            name: "bad chunk size", bytes: "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            status: 400
        ),
        RefusalCase(
            name: "chunk without CRLF",
            bytes: "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX", status: 400
        ),
        RefusalCase(
            name: "oversized Content-Length",
            bytes: "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 2000000\r\n\r\n", status: 413
        ),
        RefusalCase(
            name: "oversized chunked body",
            bytes: "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n200000\r\n", status: 413
        ),
        RefusalCase(
            name: "long request line", bytes: "GET /\(String(repeating: "a", count: 9000)) HTTP/1.1\r\n\r\n",
            status: 414),
        RefusalCase(
            name: "long request line without end",
            bytes: "GET /\(String(repeating: "a", count: 9000))", status: 414
        ),
        RefusalCase(
            name: "oversized header",
            bytes: "GET / HTTP/1.1\r\nHost: t\r\nX-Big: \(String(repeating: "b", count: 17000))\r\n\r\n", status: 431
        ),
        RefusalCase(
            name: "too many headers",
            bytes: "GET / HTTP/1.1\r\nHost: t\r\n" + (0..<101).map { "X-H\($0): v\r\n" }.joined() + "\r\n", status: 431
        ),
        RefusalCase(
            name: "obsolete line folding", bytes: "GET / HTTP/1.1\r\nHost: t\r\nX-A: 1\r\n  folded\r\n\r\n", status: 400
        ),
        RefusalCase(
            name: "unsupported expectation", bytes: "GET / HTTP/1.1\r\nHost: t\r\nExpect: magic\r\n\r\n", status: 417),
    ]

    @Test("malformed and over-limit requests get a JSON error and Connection: close", arguments: refusals)
    func refusal(_ refusal: RefusalCase) async throws {
        try await withServer { server, port in
            let client = try await RawClient.connect(port: port)
            try await client.send(refusal.bytes)
            let response = try #require(try await client.readResponse())
            #expect(response.status == refusal.status)
            #expect(response.headers["Connection"] == "close")
            #expect(response.headers["Content-Type"] == "application/json;charset=UTF-8")
            #expect(response.text.hasPrefix(#"{"error":{"status":\#(refusal.status),"message":""#))
            #expect(try await client.waitForClose())
            #expect(await eventually { server.connectionCount == 0 })
        }
    }

    @Test("a client sending one byte at a time gets 408 and frees its slot")
    func slowloris() async throws {
        let configuration = HTTPServerConfiguration(
            port: 0, headerTimeout: .milliseconds(400), maxConnections: 1, accessLog: false, eventLoopCount: 1
        )
        try await withServer(configuration) { server, port in
            let text = Array(request("GET", "/slow").utf8)
            // The first byte goes out with the connect: a connection that has sent nothing is owed
            // no answer and may be closed silently, so the request must have begun.
            let slow = try await RawClient.connect(port: port, firstBytes: [text[0]])
            // Trickle for about 2 s, five times the header timeout; then stop, so the client is not
            // still writing when the server closes (a reset could discard the 408 before it is read).
            let sender = Task {
                for byte in text.dropFirst().prefix(20) {
                    guard !Task.isCancelled else { return }
                    try? await slow.send(bytes: [byte])
                    try? await Task.sleep(for: .milliseconds(100))
                }
            }
            let response = try #require(try await slow.readResponse())
            sender.cancel()
            #expect(response.status == 408)
            #expect(response.headers["Connection"] == "close")
            #expect(await eventually { server.connectionCount == 0 })
            let next = try await RawClient.connect(port: port, firstBytes: Array(request("GET", "/next").utf8))
            #expect(try await next.readResponse()?.status == 200)
        }
    }

    @Test("a client that stops sending its body gets 408")
    func slowBody() async throws {
        let configuration = HTTPServerConfiguration(
            port: 0, readTimeout: .milliseconds(300), accessLog: false, eventLoopCount: 1)
        try await withServer(configuration) { _, port in
            let client = try await RawClient.connect(port: port)
            try await client.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc")
            let response = try #require(try await client.readResponse())
            #expect(response.status == 408)
        }
    }

    @Test("an idle keep-alive connection is closed silently after idleTimeout")
    func idleTimeout() async throws {
        let configuration = HTTPServerConfiguration(
            port: 0, idleTimeout: .milliseconds(300), accessLog: false, eventLoopCount: 1)
        try await withServer(configuration) { server, port in
            let client = try await RawClient.connect(port: port)
            try await client.send(request())
            #expect(try await client.readResponse()?.status == 200)
            #expect(try await client.waitForClose())
            #expect(await eventually { server.connectionCount == 0 })
        }
    }

    @Test("a connection over the cap gets 503 and is closed; the slot is reusable later")
    func connectionCap() async throws {
        let configuration = HTTPServerConfiguration(port: 0, maxConnections: 1, accessLog: false, eventLoopCount: 2)
        try await withServer(configuration) { server, port in
            let first = try await RawClient.connect(port: port)
            try await first.send(request("GET", "/first"))
            #expect(try await first.readResponse()?.status == 200)

            let second = try await RawClient.connect(port: port)
            try await second.send(request("GET", "/second"))
            let refused = try #require(try await second.readResponse())
            #expect(refused.status == 503)
            #expect(refused.headers["Connection"] == "close")
            #expect(try await second.waitForClose())

            first.shutdownWrite()
            #expect(try await first.waitForClose())
            #expect(await eventually { server.connectionCount == 0 })
            let third = try await RawClient.connect(port: port)
            try await third.send(request("GET", "/third"))
            #expect(try await third.readResponse()?.status == 200)
        }
    }

    @Test("a client that disconnects mid-body is cleaned up and others are still served")
    func disconnectMidBody() async throws {
        try await withServer { server, port in
            for _ in 0..<3 {
                let quitter = try await RawClient.connect(port: port)
                try await quitter.send("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 1000\r\n\r\n0123456789")
                quitter.shutdownWrite()
                #expect(try await quitter.waitForClose())
            }
            #expect(await eventually { server.connectionCount == 0 })
            let client = try await RawClient.connect(port: port)
            try await client.send(request("POST", "/ok", body: "fine"))
            #expect(try await client.readResponse()?.text == "fine")
        }
    }

    @Test("a client that pipelines but does not read stops being served until it reads")
    func backpressure() async throws {
        let calls = Mutex(0)
        let big = [UInt8](repeating: 65, count: 1024 * 1024)
        let responder = HTTPClosureResponder { _ in
            calls.withLock { $0 += 1 }
            return HTTPResponse(status: 200, body: big)
        }
        try await withServer(responder: responder) { _, port in
            let client = try await RawClient.connect(port: port)
            try await client.send(String(repeating: request("GET", "/big"), count: 40))
            #expect(await eventually { calls.withLock { $0 } > 0 })
            try await Task.sleep(for: .milliseconds(500))
            #expect(calls.withLock { $0 } < 40)
            let responses = try await client.readResponses(40)
            #expect(responses.count == 40)
            #expect(responses.allSatisfy { $0.status == 200 && $0.body.count == big.count })
        }
    }
}

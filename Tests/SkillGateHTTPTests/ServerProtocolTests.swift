import SkillGateHTTP
import SkillGateLogging
import SkillGateTestSupport
import Synchronization
import Testing

struct ServerProtocolTests {
    @Test("several requests reuse one keep-alive connection")
    func keepAlive() async throws {
        try await withServer { _, port in
            let client = try await RawClient.connect(port: port)
            var remotes: Set<String> = []
            for index in 0..<3 {
                try await client.send(request("POST", "/item/\(index)?x=1", body: "body \(index)"))
                let response = try #require(try await client.readResponse())
                #expect(response.status == 200)
                #expect(response.text == "body \(index)")
                #expect(response.headers["X-Path"] == "/item/\(index)")
                #expect(response.headers["Connection"] == "keep-alive")
                #expect(response.headers["Date"]?.hasSuffix(" GMT") == true)
                remotes.insert(response.headers["X-Remote"] ?? "")
            }
            #expect(remotes.count == 1)
            #expect(remotes.first?.hasPrefix("127.0.0.1:") == true)
        }
    }

    @Test("pipelined requests are answered in order")
    func pipelining() async throws {
        try await withServer { _, port in
            let client = try await RawClient.connect(port: port)
            let batch = (1...5).map { request("POST", "/p\($0)", body: "n\($0)") }.joined()
            try await client.send(batch + request("GET", "/last"))
            let responses = try await client.readResponses(6)
            #expect(responses.map(\.status) == Array(repeating: 200, count: 6))
            #expect(responses.map { $0.headers["X-Path"] ?? "" } == ["/p1", "/p2", "/p3", "/p4", "/p5", "/last"])
            #expect(responses.prefix(5).map(\.text) == ["n1", "n2", "n3", "n4", "n5"])
        }
    }

    @Test("a chunked request body is decoded, extensions and trailers included")
    func chunkedBody() async throws {
        try await withServer { _, port in
            let client = try await RawClient.connect(port: port)
            let head = "POST /c HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
            try await client.send(head + "5;name=value\r\nhello\r\n")
            try await client.send("6\r\n world\r\n0\r\nX-Trailer: yes\r\n\r\n")
            let response = try #require(try await client.readResponse())
            #expect(response.status == 200)
            #expect(response.text == "hello world")
            #expect(response.headers["Connection"] == "keep-alive")
        }
    }

    @Test("Expect: 100-continue gets an interim response before the body is sent")
    func expectContinue() async throws {
        try await withServer { _, port in
            let client = try await RawClient.connect(port: port)
            try await client.send("POST /e HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
            let interim = try await client.readInterim()
            #expect(interim.hasPrefix("HTTP/1.1 100 Continue"))
            try await client.send("data")
            let response = try #require(try await client.readResponse())
            #expect(response.status == 200)
            #expect(response.text == "data")
        }
    }

    @Test("HEAD gets headers and Content-Length but no body")
    func head() async throws {
        let responder = HTTPClosureResponder { _ in .json(status: 200, Array(#"{"a":1}"#.utf8)) }
        try await withServer(responder: responder) { _, port in
            let client = try await RawClient.connect(port: port)
            try await client.send(request("HEAD", "/h"))
            try await client.send(request("GET", "/h"))
            let head = try #require(try await client.readResponseHeadOnly())
            #expect(head.status == 200)
            #expect(head.headers["Content-Length"] == "7")
            #expect(head.headers["Content-Type"] == "application/json;charset=UTF-8")
            let get = try #require(try await client.readResponse())
            #expect(get.text == #"{"a":1}"#)
        }
    }

    @Test("HTTP/1.0 closes by default and keeps alive when asked")
    func http10() async throws {
        try await withServer { _, port in
            let plain = try await RawClient.connect(port: port)
            try await plain.send("GET /a HTTP/1.0\r\n\r\n")
            let first = try #require(try await plain.readResponse())
            #expect(first.status == 200)
            #expect(first.headers["Connection"] == "close")
            #expect(try await plain.waitForClose())

            let kept = try await RawClient.connect(port: port)
            try await kept.send("GET /b HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            let second = try #require(try await kept.readResponse())
            #expect(second.headers["Connection"] == "keep-alive")
            try await kept.send("GET /c HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try await kept.readResponse()?.headers["X-Path"] == "/c")
        }
    }

    @Test("a responder's Connection: close is honoured")
    func responderCloses() async throws {
        let responder = HTTPClosureResponder { _ in HTTPResponse(status: 200, headers: ["Connection": "close"]) }
        try await withServer(responder: responder) { _, port in
            let client = try await RawClient.connect(port: port)
            try await client.send(request())
            let response = try #require(try await client.readResponse())
            #expect(response.headers["Connection"] == "close")
            #expect(try await client.waitForClose())
        }
    }

    @Test("requests on different connections run in parallel")
    func parallelConnections() async throws {
        let gate = Gate()
        let responder = HTTPClosureResponder { request in
            if request.path == "/slow" { await gate.wait() }
            return HTTPResponse(status: 200, body: Array(request.path.utf8))
        }
        try await withServer(responder: responder) { _, port in
            let slow = try await RawClient.connect(port: port)
            try await slow.send(request("GET", "/slow"))
            for _ in 0..<4 {
                let fast = try await RawClient.connect(port: port)
                try await fast.send(request("GET", "/fast"))
                #expect(try await fast.readResponse()?.text == "/fast")
            }
            #expect(!gate.isOpen)
            gate.open()
            #expect(try await slow.readResponse()?.text == "/slow")
        }
    }

    @Test("many concurrent clients are all served")
    func concurrentClients() async throws {
        try await withServer { _, port in
            let answered = try await ConcurrentClients.run(16, requests: 10, port: port) { http, client, index in
                let body = Array("c\(client)-\(index)".utf8)
                let response = try await http.send(method: "POST", path: "/x", body: body, timeout: .seconds(30))
                return response.status == 200 && response.body == body
            }
            #expect(answered == 160)
        }
    }

    @Test("access log lines carry method, path, status, duration, bytes and log fields")
    func accessLog() async throws {
        let capture = LogCapture()
        let responder = HTTPClosureResponder { _ in
            HTTPResponse(status: 201, body: Array("abc".utf8), logFields: [("intent", "Book"), ("user", "u1")])
        }
        let configuration = HTTPServerConfiguration(port: 0, accessLog: true, eventLoopCount: 1)
        try await withServer(configuration, responder: responder, logger: capture.logger) { _, port in
            let client = try await RawClient.connect(port: port)
            try await client.send(request("POST", "/alexa?token=secret", body: "{}"))
            #expect(try await client.readResponse()?.status == 201)
            let found = await eventually { capture.all.contains { $0.contains("POST /alexa 201") } }
            #expect(found)
            let line = capture.all.first { $0.contains("POST /alexa 201") } ?? ""
            #expect(line.contains("Z INFO ["), "the time, then the level: \(line)")
            #expect(line.contains("ms 3B intent=Book user=u1"))
            #expect(!line.contains("secret"))
        }
    }

    @Test("a large body is read across many reads and echoed across partial writes")
    func largeBody() async throws {
        try await withServer { _, port in
            let client = HTTPClient(host: "127.0.0.1", port: port)
            defer { client.close() }
            let body = (0..<900_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            for _ in 0..<2 {
                let response = try await client.send(method: "PUT", path: "/big", body: body, timeout: .seconds(30))
                #expect(response.status == 200)
                #expect(response.body == body)
            }
        }
    }
}

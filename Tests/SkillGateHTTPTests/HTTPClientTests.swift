import SkillGateHTTP
import Synchronization
import Testing

struct HTTPClientTests {
    @Test("several requests share one keep-alive connection")
    func keepAlive() async throws {
        try await withServer { server, port in
            let client = HTTPClient(host: "127.0.0.1", port: port)
            defer { client.close() }
            var remotes: Set<String> = []
            for index in 0..<4 {
                let response = try await client.send(
                    method: "POST", path: "/k\(index)", headers: ["X-Test": "1"], body: Array("b\(index)".utf8),
                    timeout: .seconds(10)
                )
                #expect(response.status == 200)
                #expect(response.body == Array("b\(index)".utf8))
                remotes.insert(response.headers["X-Remote"] ?? "")
            }
            #expect(remotes.count == 1)
            #expect(server.connectionCount == 1)
        }
    }

    @Test("a long poll with no timeout is answered after a delay")
    func longPoll() async throws {
        let responder = HTTPClosureResponder { _ in
            try? await Task.sleep(for: .milliseconds(1200))
            return HTTPResponse(status: 200, body: Array("event".utf8))
        }
        try await withServer(responder: responder) { _, port in
            let client = HTTPClient(host: "localhost", port: port)
            defer { client.close() }
            let response = try await client.send(method: "GET", path: "/next", timeout: nil)
            #expect(response.body == Array("event".utf8))
        }
    }

    @Test("the client reconnects after the server closed the connection")
    func reconnect() async throws {
        let count = Mutex(0)
        let responder = HTTPClosureResponder { request in
            let number = count.withLock { value -> Int in
                value += 1
                return value
            }
            var headers: HTTPHeaders = ["X-Remote": request.remoteAddress]
            if number == 1 { headers.add(name: "Connection", value: "close") }
            return HTTPResponse(status: 200, headers: headers)
        }
        let configuration = HTTPServerConfiguration(
            port: 0, idleTimeout: .milliseconds(200), accessLog: false, eventLoopCount: 1)
        try await withServer(configuration, responder: responder) { server, port in
            let client = HTTPClient(host: "127.0.0.1", port: port)
            defer { client.close() }
            let first = try await client.send(method: "GET", path: "/1", timeout: .seconds(10))
            let second = try await client.send(method: "GET", path: "/2", timeout: .seconds(10))
            #expect(first.headers["X-Remote"] != second.headers["X-Remote"])
            #expect(await eventually { server.connectionCount == 0 })
            let third = try await client.send(method: "GET", path: "/3", timeout: .seconds(10))
            #expect(third.status == 200)
            #expect(third.headers["X-Remote"] != second.headers["X-Remote"])
        }
    }

    @Test(
        "chunked, length-delimited and close-delimited responses are read",
        arguments: [
            (
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n5;x=y\r\npedia\r\n0\r\nT: 1\r\n\r\n",
                "Wikipedia"
            ),
            ("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", "hello"),
            ("HTTP/1.0 200 OK\r\n\r\nuntil close", "until close"),
        ])
    func responseFraming(_ script: String, _ expected: String) async throws {
        let server = try ScriptedServer(response: Array(script.utf8))
        let client = HTTPClient(host: "127.0.0.1", port: server.port)
        defer { client.close() }
        let response = try await client.send(method: "GET", path: "/", timeout: .seconds(10))
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == expected)
    }

    @Test("a slow server produces a timedOut error")
    func timeout() async throws {
        let responder = HTTPClosureResponder { _ in
            try? await Task.sleep(for: .seconds(3))
            return HTTPResponse(status: 200)
        }
        try await withServer(responder: responder) { _, port in
            let client = HTTPClient(host: "127.0.0.1", port: port)
            defer { client.close() }
            await #expect { _ = try await client.send(method: "GET", path: "/", timeout: .milliseconds(200)) } throws: {
                error in
                (error as? HTTPClientError)?.kind == .timedOut
            }
        }
    }

    @Test("cancelling the task interrupts a long poll")
    func cancellation() async throws {
        let gate = Gate()
        let responder = HTTPClosureResponder { _ in
            await gate.wait()
            return HTTPResponse(status: 200)
        }
        try await withServer(responder: responder) { _, port in
            let client = HTTPClient(host: "127.0.0.1", port: port)
            defer { client.close() }
            let poll = Task { try await client.send(method: "GET", path: "/next", timeout: nil) }
            try await Task.sleep(for: .milliseconds(200))
            poll.cancel()
            await #expect(throws: CancellationError.self) { _ = try await poll.value }
            gate.open()
        }
    }

    @Test("connecting to a closed port fails with connectionFailed")
    func refused() async throws {
        let server = try ScriptedServer(response: [])
        let port = server.port
        server.stop()
        let client = HTTPClient(host: "127.0.0.1", port: port)
        await #expect { _ = try await client.send(method: "GET", path: "/", timeout: .seconds(5)) } throws: { error in
            (error as? HTTPClientError)?.kind == .connectionFailed
        }
    }
}

import SkillGateHTTP
import SkillGateTestSupport
import Testing

/// Issue 10 item 12: one address holding idle keep-alive connections must not lock out other
/// clients, and one address may hold only so many connections. Linux routes all of 127.0.0.0/8 to
/// loopback, so clients bound to 127.0.0.2, 127.0.0.3, … are different addresses to the server.
struct ConnectionSheddingTests {
    /// Connects from `source`, sends one request and expects its 200: the connection then sits
    /// idle in keep-alive.
    static func idleConnection(port: Int, from source: String, path: String = "/hog") async throws -> SourceBoundSocket {
        let socket = try await SourceBoundSocket.connect(to: port, from: source, firstBytes: Array(request("GET", path).utf8))
        let response = try #require(try await socket.readResponse())
        #expect(response.status == 200)
        return socket
    }

    /// Whether a kept-alive connection still answers: a request gets 200, or nil if the server closed it.
    static func stillServed(_ socket: SourceBoundSocket) async throws -> Bool? {
        do {
            try await socket.send(request("GET", "/again"))
        } catch {
            return false
        }
        guard let response = try await socket.readResponse() else { return false }
        return response.status == 200
    }

    @Test("at the cap, a new client is served by closing the connection idle longest, not refused")
    func shedsLongestIdle() async throws {
        let configuration = HTTPServerConfiguration(
            port: 0, maxConnections: 4, maxConnectionsPerClient: 4, accessLog: false, eventLoopCount: 1)
        let log = LogCapture()
        try await withServer(configuration, logger: log.logger) { server, port in
            var hogs: [SourceBoundSocket] = []
            for _ in 0..<4 {
                hogs.append(try await Self.idleConnection(port: port, from: "127.0.0.2"))
            }
            #expect(await eventually { server.connectionCount == 4 })

            let newcomer = try await SourceBoundSocket.connect(
                to: port, from: "127.0.0.3", firstBytes: Array(request("GET", "/newcomer").utf8))
            let answer = try #require(try await newcomer.readResponse())
            #expect(answer.status == 200)
            #expect(answer.headers["x-path"] == "/newcomer")

            // The first hog had been idle longest: it was closed; the others still work.
            #expect(try await hogs[0].waitForClose())
            for hog in hogs.dropFirst() {
                #expect(try await Self.stillServed(hog) == true)
            }
            #expect(server.connectionCount == 4)
            #expect(log.all.contains { $0.contains("closing the connection idle longest") })
        }
    }

    @Test("connections in the middle of a request are never shed: at the cap with none idle, a new client gets 503")
    func busyConnectionsAreKept() async throws {
        let gate = Gate()
        let responder = HTTPClosureResponder { request in
            if request.path == "/wait" { await gate.wait() }
            return HTTPResponse(status: 200, body: Array(request.path.utf8))
        }
        let configuration = HTTPServerConfiguration(
            port: 0, maxConnections: 2, maxConnectionsPerClient: 2, accessLog: false, eventLoopCount: 2)
        try await withServer(configuration, responder: responder) { server, port in
            // One connection waits for its responder, one has sent half a request head.
            let answering = try await SourceBoundSocket.connect(
                to: port, from: "127.0.0.2", firstBytes: Array(request("GET", "/wait").utf8))
            let reading = try await SourceBoundSocket.connect(
                to: port, from: "127.0.0.2", firstBytes: Array("GET /half HTTP/1.1\r\n".utf8))
            #expect(await eventually { server.connectionCount == 2 })

            let newcomer = try await SourceBoundSocket.connect(
                to: port, from: "127.0.0.3", firstBytes: Array(request("GET", "/newcomer").utf8))
            let refused = try #require(try await newcomer.readResponse())
            #expect(refused.status == 503)
            #expect(refused.headers["connection"] == "close")
            #expect(refused.headers["retry-after"] == "1")
            #expect(refused.headers["content-type"] == "application/json;charset=UTF-8")
            #expect(refused.text.contains(#""status":503"#))
            #expect(refused.text.contains("the server is at its limit of 2 connections"))
            #expect(try await newcomer.waitForClose())

            gate.open()
            #expect(try await answering.readResponse()?.text == "/wait")
            try await reading.send("Host: t\r\n\r\n")
            #expect(try await reading.readResponse()?.text == "/half")
        }
    }

    @Test("a client address over maxConnectionsPerClient gets 503 with a JSON body; other addresses are served")
    func perClientLimit() async throws {
        let configuration = HTTPServerConfiguration(
            port: 0, maxConnections: 16, maxConnectionsPerClient: 2, accessLog: false, eventLoopCount: 2)
        try await withServer(configuration) { server, port in
            let first = try await Self.idleConnection(port: port, from: "127.0.0.2")
            let second = try await Self.idleConnection(port: port, from: "127.0.0.2")

            let third = try await SourceBoundSocket.connect(
                to: port, from: "127.0.0.2", firstBytes: Array(request("GET", "/third").utf8))
            let refused = try #require(try await third.readResponse())
            #expect(refused.status == 503)
            #expect(refused.headers["connection"] == "close")
            #expect(refused.headers["content-type"] == "application/json;charset=UTF-8")
            #expect(refused.text.hasPrefix(#"{"error":{"status":503,"message":""#))
            #expect(refused.text.contains("this client address already has 2 open connections"))
            #expect(try await third.waitForClose())

            let other = try await Self.idleConnection(port: port, from: "127.0.0.3")
            #expect(try await Self.stillServed(first) == true)
            #expect(try await Self.stillServed(second) == true)

            // A closed connection gives its address's slot back.
            first.shutdownWrite()
            #expect(try await first.waitForClose())
            #expect(await eventually { server.connectionCount == 2 })
            let again = try await Self.idleConnection(port: port, from: "127.0.0.2", path: "/again")
            _ = (again, other)
        }
    }

    @Test("by default one address may hold half of the cap")
    func defaultPerClientLimit() async throws {
        let configuration = HTTPServerConfiguration(port: 0, maxConnections: 4, accessLog: false, eventLoopCount: 1)
        try await withServer(configuration) { server, port in
            #expect(server.connectionLimits?.maxConnectionsPerClient == 2)
            let kept = [
                try await Self.idleConnection(port: port, from: "127.0.0.4"),
                try await Self.idleConnection(port: port, from: "127.0.0.4"),
            ]
            let over = try await SourceBoundSocket.connect(
                to: port, from: "127.0.0.4", firstBytes: Array(request("GET", "/over").utf8))
            #expect(try await over.readResponse()?.status == 503)
            #expect(kept.count == 2)
        }
    }
}

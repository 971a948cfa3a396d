import SkillGateHTTP
import Testing

/// Per-request URLs and origins, the response body limit, and name resolution under a deadline.
struct HTTPClientTargetTests {
    @Test("an absolute URL may name another origin; the client switches connections")
    func absoluteURLs() async throws {
        try await withServer { _, first in
            try await withServer { _, second in
                let client = HTTPClient(host: "127.0.0.1", port: first)
                defer { client.close() }
                let viaPath = try await client.send(method: "GET", path: "/a", timeout: .seconds(10))
                let viaURL = try await client.send(method: "GET", url: "http://127.0.0.1:\(second)/b?q=1", timeout: .seconds(10))
                let viaParts = try await client.send(
                    method: "GET", scheme: .http, host: "localhost", port: first, path: "/c", timeout: .seconds(10))
                #expect(viaPath.headers["X-Path"] == "/a")
                #expect(viaURL.headers["X-Path"] == "/b")
                #expect(viaParts.headers["X-Path"] == "/c")
            }
        }
    }

    @Test(
        "URLs the client cannot use are invalidRequest errors naming the problem",
        arguments: [
            ("ftp://127.0.0.1/x", "only http:// and https://"), ("127.0.0.1:80/x", "absolute"),
            ("http://user:pw@127.0.0.1/", "user names"), ("http:///x", "host"), ("http://127.0.0.1:99999/", "port"),
            ("http://[::1/", "closing ]"), ("http://exa mple.com/", "host"),
        ])
    func invalidURLs(_ url: String, _ named: String) async {
        let client = HTTPClient(host: "127.0.0.1", port: 1)
        do {
            _ = try await client.send(method: "GET", url: url, timeout: .seconds(5))
            Issue.record("\(url) was accepted")
        } catch {
            let clientError = error as? HTTPClientError
            #expect(clientError?.kind == .invalidRequest, "\(error)")
            #expect(clientError?.description.contains(named) == true, "\(error)")
        }
    }

    @Test("a body over the per-request limit is refused, however it is framed", arguments: [false, true])
    func bodyLimit(chunked: Bool) async throws {
        let body = String(repeating: "x", count: 4096)
        let head = chunked ? "Transfer-Encoding: chunked\r\n\r\n1000\r\n\(body)\r\n0\r\n\r\n" : "Content-Length: 4096\r\n\r\n\(body)"
        let server = try ScriptedServer(response: Array("HTTP/1.1 200 OK\r\n\(head)".utf8))
        let client = HTTPClient(host: "127.0.0.1", port: server.port, maximumResponseBodySize: 1 << 20)
        defer { client.close() }
        await #expect {
            _ = try await client.send(method: "GET", path: "/", timeout: .seconds(10), maximumBodySize: 1024)
        } throws: { error in
            (error as? HTTPClientError)?.kind == .responseTooLarge
        }
    }

    @Test("a name lookup answers within the timeout, whether or not a resolver is reachable")
    func lookupDeadline() async {
        let client = HTTPClient(host: "skillgate-test.invalid", port: 80)
        let start = ContinuousClock.now
        do {
            _ = try await client.send(method: "GET", path: "/", timeout: .milliseconds(500))
            Issue.record("a .invalid name resolved")
        } catch {
            let kind = (error as? HTTPClientError)?.kind
            #expect(kind == .timedOut || kind == .hostNotFound, "\(error)")
        }
        #expect(ContinuousClock.now - start < .seconds(10), "a 500 ms timeout must not wait for the resolver")
    }

    @Test("the reason phrase is kept")
    func reasonPhrase() async throws {
        let server = try ScriptedServer(response: Array("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".utf8))
        let client = HTTPClient(host: "127.0.0.1", port: server.port)
        defer { client.close() }
        let response = try await client.send(method: "GET", path: "/", timeout: .seconds(10))
        #expect(response.status == 404)
        #expect(response.reason == "Not Found")
    }
}

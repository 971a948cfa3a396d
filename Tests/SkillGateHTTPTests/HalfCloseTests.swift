import SkillGateHTTP
import Testing

/// A client that pipelines requests and then shuts its write side gets every one answered
/// (the hardening issue's item 8: only the first was, on 46 of 100 connections).
struct HalfCloseTests {
    @Test("three pipelined requests then shutdown(SHUT_WR): all three answered, then the connection closes")
    func pipelinedThenHalfClose() async throws {
        try await withServer { _, port in
            for index in 0..<100 {
                let batch = (1...3).map { request("POST", "/h\($0)", body: "n\($0)") }.joined()
                let client = try await RawClient.connect(port: port, firstBytes: Array(batch.utf8))
                client.shutdownWrite()
                let responses = try await client.readResponses(3)
                #expect(responses.map(\.status) == [200, 200, 200], "connection \(index)")
                #expect(responses.map(\.text) == ["n1", "n2", "n3"], "connection \(index)")
                // (The last says `Connection: close` only if the FIN was in before it was made.)
                #expect(try await client.waitForClose(), "connection \(index)")
                if responses.count != 3 { break }
            }
        }
    }

    @Test("a half-close after requests sent in separate writes, with an incomplete one last")
    func halfCloseWithIncompleteLast() async throws {
        let responder = HTTPClosureResponder { request in
            // Slow enough that the rest arrives, and the FIN with it, while the first is answered.
            try? await Task.sleep(for: .milliseconds(100))
            return HTTPResponse(status: 200, body: Array(request.path.utf8))
        }
        try await withServer(responder: responder) { _, port in
            let client = try await RawClient.connect(port: port, firstBytes: Array(request("GET", "/a").utf8))
            try await client.send(request("GET", "/b") + request("GET", "/c"))
            try await client.send("GET /never-fin")
            client.shutdownWrite()
            let responses = try await client.readResponses(3)
            #expect(responses.map(\.text) == ["/a", "/b", "/c"])
            #expect(try await client.waitForClose())
        }
    }
}

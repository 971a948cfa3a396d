import SkillGateHTTP
import Testing

/// RFC 9112 §2.2: empty lines before a request line are ignored, also when a read ends between
/// the CR and the LF of one (found by the HTTP fuzz harness; the hardening issue's item 11).
struct SplitEmptyLineTests {
    @Test("a CRLF split across reads before a request line is skipped, not a 400")
    func splitCRLF() async throws {
        try await withServer { _, port in
            let client = try await RawClient.connect(port: port)
            try await client.send("\r")
            try await Task.sleep(for: .milliseconds(300))
            try await client.send("\n" + request("POST", "/split", body: "ok"))
            let response = try #require(try await client.readResponse())
            #expect(response.status == 200)
            #expect(response.headers["X-Path"] == "/split")
        }
    }
}

import SkillGateHTTP
import Testing

/// ``HTTPResponder/respond(to:reply:)``: a responder may answer before it is done.
struct EarlyReplyTests {
    @Test("a reply sent before the responder returns is answered at once, counts once, and cancels the responder")
    func earlyReply() async throws {
        let cancelled = Gate()
        let responder = EarlyReplier(cancelled: cancelled)
        try await withServer(responder: responder) { _, port in
            let client = try await RawClient.connect(port: port)
            try await client.send(request("GET", "/first"))
            // The responder is still sleeping (for up to 30 s) when this arrives.
            #expect(try await client.readResponse()?.text == "early /first")
            #expect(await eventually(within: 20) { cancelled.isOpen })
            // The second reply was ignored: the next request on the connection gets its own answer.
            try await client.send(request("GET", "/second"))
            #expect(try await client.readResponse()?.text == "early /second")
        }
    }
}

/// Replies twice at once, then sleeps until cancelled.
private struct EarlyReplier: HTTPResponder {
    let cancelled: Gate

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        HTTPResponse(status: 500, body: Array("respond(to:) was called".utf8))
    }

    func respond(to request: HTTPRequest, reply: HTTPReply) async {
        reply(HTTPResponse(status: 200, body: Array("early \(request.path)".utf8)))
        reply(HTTPResponse(status: 200, body: Array("second reply".utf8)))
        try? await Task.sleep(for: .seconds(30))
        if Task.isCancelled { cancelled.open() }
    }
}

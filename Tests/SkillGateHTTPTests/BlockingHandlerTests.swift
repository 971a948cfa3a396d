import Dispatch
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import SkillGateHTTP
import Synchronization
import Testing

/// Handlers that block their threads do not use up the server's threads.
struct BlockingHandlerTests {
    @Test("with more handlers blocking their threads than there are processors, other requests are still answered")
    func blockedThreadsDoNotStallThePool() async throws {
        // A fixed set of threads (Swift's global executor has one per processor, and so does the
        // server's set of handler workers) with every one blocked makes a request wait until a
        // handler lets go. A handler worker stuck in a handler moves to a new thread instead,
        // however many handlers block.
        let blockers = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) + 2
        let release = DispatchSemaphore(value: 0)
        let running = Mutex(0)
        let releasedByTimer = Atomic<Bool>(false)
        // With the blocked threads being the ones this test's own task needs, only a timer on a
        // plain dispatch queue can end the stall; the test then fails instead of hanging.
        DispatchQueue.global().asyncAfter(deadline: .now() + 15) {
            releasedByTimer.store(true, ordering: .relaxed)
            for _ in 0..<blockers { release.signal() }
        }
        let responder = HTTPClosureResponder { request in
            guard request.path == "/block" else { return HTTPResponse(status: 200, body: Array(request.path.utf8)) }
            running.withLock { $0 += 1 }
            // Blocks the thread itself, as a synchronous library call would.
            release.wait()
            return HTTPResponse(status: 200, body: Array("released".utf8))
        }
        try await withServer(responder: responder) { _, port in
            var clients: [RawClient] = []
            for _ in 0..<blockers {
                let client = try await RawClient.connect(port: port)
                try await client.send(request("GET", "/block"))
                clients.append(client)
            }
            let allRunning = await eventually(within: 10) { running.withLock { $0 } == blockers }
            #expect(allRunning, "only \(running.withLock { $0 }) of \(blockers) blocking handlers got a thread")
            let fast = try await RawClient.connect(port: port)
            try await fast.send(request("GET", "/fast"))
            let answer = try await fast.readResponse()
            #expect(answer?.text == "/fast")
            let waitedForRelease = releasedByTimer.load(ordering: .relaxed)
            #expect(!waitedForRelease, "the request waited until the blocking handlers were released")
            for _ in 0..<blockers { release.signal() }
            for client in clients {
                #expect(try await client.readResponse()?.text == "released")
            }
        }
    }
}

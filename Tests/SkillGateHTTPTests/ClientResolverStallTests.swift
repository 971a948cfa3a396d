import Dispatch
import Synchronization
import Testing

@testable import SkillGateHTTP

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Name lookups when the resolver never answers: `getaddrinfo` cannot be interrupted, so each lookup
/// has a thread of its own that the caller abandons at its deadline; callers for one name share a
/// lookup, and the number of stuck lookups is capped.
@Suite(.serialized)
struct ClientResolverStallTests {
    /// Replaces the lookup for names ending in `.stuck.invalid` with one that blocks its thread
    /// until ``release()``; other names resolve as usual.
    final class StuckResolver: Sendable {
        private let readFD: Int32
        private let writeFD: Int32
        private let calls = Mutex(0)

        init() {
            var fds: [Int32] = [-1, -1]
            _ = pipe(&fds)
            readFD = fds[0]
            writeFD = fds[1]
            ClientResolver.nameLookup.withLock { lookUp in
                lookUp = { [self] host, port in
                    guard host.hasSuffix(".stuck.invalid") else { return SocketAddress.resolve(host: host, port: port, passive: false) }
                    self.calls.withLock { $0 += 1 }
                    var byte: UInt8 = 0
                    _ = read(self.readFD, &byte, 1)
                    return .failure(SocketAddress.ResolveFailure(reason: "released"))
                }
            }
        }

        /// Lookups of stuck names started.
        var count: Int { calls.withLock { $0 } }

        /// Puts the real lookup back, lets every stuck lookup return, and waits until they have.
        func release() async throws {
            ClientResolver.nameLookup.withLock { $0 = { SocketAddress.resolve(host: $0, port: $1, passive: false) } }
            close(writeFD)
            for _ in 0..<3000 where ClientResolver.runningLookupCount > 0 { try await Task.sleep(for: .milliseconds(10)) }
            close(readFD)
        }
    }

    /// Resolves on a queue of its own (the call blocks in `poll`), returning the error if any.
    static func resolve(_ host: String, within timeout: Duration) async -> ClientIOError? {
        await withCheckedContinuation { (continuation: CheckedContinuation<ClientIOError?, Never>) in
            DispatchQueue(label: "ClientResolverStallTests").async {
                do throws(ClientIOError) {
                    _ = try ClientResolver.resolve(
                        host: host, port: 443, deadline: ContinuousClock.now.advanced(by: timeout), interruptFD: -1)
                    continuation.resume(returning: nil)
                } catch {
                    continuation.resume(returning: error)
                }
            }
        }
    }

    @Test("20 callers of one stuck name share one lookup and each gets timedOut at its deadline", .timeLimit(.minutes(1)))
    func callersShareAStuckLookup() async throws {
        let resolver = StuckResolver()
        let errors = await withTaskGroup(of: ClientIOError?.self) { group in
            for _ in 0..<20 { group.addTask { await Self.resolve("s3.stuck.invalid", within: .milliseconds(500)) } }
            return await group.reduce(into: [ClientIOError?]()) { $0.append($1) }
        }
        #expect(errors.count == 20)
        #expect(errors.allSatisfy { if case .timedOut? = $0 { true } else { false } })
        #expect(resolver.count == 1)
        #expect(ClientResolver.runningLookupCount == 1)
        try await resolver.release()
    }

    // A lookup answers in milliseconds; 5 s is room for a loaded machine.
    @Test("stuck lookups of 20 names do not hold up the lookup of another name", .timeLimit(.minutes(1)))
    func stuckLookupsDoNotDelayOthers() async throws {
        let resolver = StuckResolver()
        for index in 0..<20 { _ = await Self.resolve("n\(index).stuck.invalid", within: .milliseconds(1)) }
        #expect(await Self.resolve("localhost", within: .seconds(5)) == nil)
        for _ in 0..<3000 where resolver.count < 20 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(resolver.count == 20)
        try await resolver.release()
    }

    @Test("at most 32 lookups run: with 32 stuck, another name fails at once with hostNotFound", .timeLimit(.minutes(1)))
    func stuckLookupsAreCapped() async throws {
        let resolver = StuckResolver()
        for index in 0..<ClientResolver.maximumLookups { _ = await Self.resolve("c\(index).stuck.invalid", within: .milliseconds(10)) }
        let error = await Self.resolve("one-more.stuck.invalid", within: .seconds(30))
        guard case .hostNotFound(let message)? = error else {
            Issue.record("expected hostNotFound, got \(String(describing: error))")
            try await resolver.release()
            return
        }
        #expect(message.contains("name lookups are still running"))
        #expect(resolver.count == ClientResolver.maximumLookups)
        try await resolver.release()
    }
}

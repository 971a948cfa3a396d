import Foundation
import SkillGateSystem
import SkillGateTesting
import SkillGateTestSupport
import Testing

/// Issue 10 item 10: `ride-hailer serve` under a low open-file limit (`ulimit -n`) answers the
/// clients it cannot hold with 503 at once instead of leaving them waiting, and says at start-up
/// what cap is in force and why. The limits are set in the child by a `/bin/sh` wrapper
/// (`ulimit`, then `exec`) or lowered in the running child with `prlimit`.
@Suite(.serialized)
struct ServeDescriptorLimitTests {
    static let skillID = "amzn1.ask.skill.ride-hailer"

    /// A launch request `ride-hailer serve --no-verify` answers 200.
    static var launchRequest: [UInt8] {
        let body = TestRequest.launch(skillID: skillID).bytes
        return Array("POST / HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n".utf8)
            + body
    }

    /// A wrapper script that applies `limits` (shell `ulimit` commands) and then runs ride-hailer.
    static func wrapper(_ limits: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skillgate-ulimit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("ride-hailer-limited")
        let text = "#!/bin/sh\n\(limits) || exit 99\nexec '\(Products.path("ride-hailer"))' \"$@\"\n"
        try Data(text.utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return script.path
    }

    /// The `serving … on http://…` start-up line.
    static func servingLine(_ log: String) -> String {
        log.split(separator: "\n").first { $0.contains("serving ") && $0.contains(" on http://") }.map(String.init) ?? ""
    }

    /// The N of `at most N connections` in a start-up line.
    static func cap(in line: String) -> Int? {
        guard let range = line.range(of: "at most ") else { return nil }
        return Int(line[range.upperBound...].prefix { $0.isNumber })
    }

    @Test("under ulimit -n 64 the cap is clamped and said at start; connections past it get 503 at once")
    func clampedCap() async throws {
        let script = try Self.wrapper("ulimit -n 64")
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: script).deletingLastPathComponent().path) }
        let server = try await SkillServerProcess.start(script, ["--no-verify", "--max-connections-per-client", "1000"])
        let line = Self.servingLine(server.log)
        #expect(line.contains("clamped from 1024 to fit the open-file limit of 64: raise `ulimit -n`"), "\(line)")
        let cap = try #require(Self.cap(in: line), "no cap in: \(line)")
        #expect(cap >= 8 && cap < 64)

        // The cap's worth of clients in the middle of a request head (never shed as idle) ...
        var holders: [SourceBoundSocket] = []
        for _ in 0..<cap {
            holders.append(try await SourceBoundSocket.connect(to: server.port, firstBytes: Array("POST / HTTP/1.1\r\n".utf8)))
        }
        // ... then more clients, all open at once, than the open-file limit has room for.
        var extras: [SourceBoundSocket] = []
        for _ in 0..<(64 - cap + 16) {
            extras.append(try await SourceBoundSocket.connect(to: server.port, firstBytes: Self.launchRequest))
        }
        for extra in extras {
            let response = try #require(try await extra.readResponse(), "an extra client got no answer")
            #expect(response.status == 503)
            #expect(response.text.contains("the server is at its limit of \(cap) connections"))
        }
        // Once the holders finish, the server serves again.
        for holder in holders {
            try await holder.send("Host: t\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}")
            #expect(try await holder.readResponse()?.status == 400)
        }
        let later = try await SourceBoundSocket.connect(to: server.port, firstBytes: Self.launchRequest)
        #expect(try await later.readResponse()?.status == 200)
        #expect(await server.stop() == 0)
        #expect(server.log.contains("refusing a connection: the server is at its limit of \(cap) connections"))
    }

    @Test("a soft open-file limit below what the cap needs is raised toward the hard limit, and the start-up line says so")
    func raisedSoftLimit() async throws {
        let script = try Self.wrapper("ulimit -S -n 64 && ulimit -H -n 4096")
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: script).deletingLastPathComponent().path) }
        let server = try await SkillServerProcess.start(script, ["--no-verify"])
        let line = Self.servingLine(server.log)
        #expect(line.contains("at most 1024 connections, 512 per client address (open-file limit raised from 64 to"), "\(line)")
        #expect(!line.contains("clamped"))
        let client = try await SourceBoundSocket.connect(to: server.port, firstBytes: Self.launchRequest)
        #expect(try await client.readResponse()?.status == 200)
        #expect(await server.stop() == 0)
    }

    @Test(
        "out of descriptors at run time (prlimit lowers the limit under the server), new clients still get 503 at once",
        .enabled(if: ChildProcess.which("prlimit") != nil, "needs prlimit (util-linux)"))
    func outOfDescriptorsAtRunTime() async throws {
        let prlimit = try #require(ChildProcess.which("prlimit"))
        let server = try await SkillServerProcess.start(Products.path("ride-hailer"), ["--no-verify"])
        let pid = server.process.processIdentifier
        let warmUp = try await SourceBoundSocket.connect(to: server.port, firstBytes: Self.launchRequest)
        #expect(try await warmUp.readResponse()?.status == 200)
        warmUp.shutdownWrite()
        #expect(try await warmUp.waitForClose())
        try await Task.sleep(for: .milliseconds(200))

        // The lowest free descriptor number becomes the limit: the next accept fails with EMFILE.
        let open = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").compactMap { Int($0) }
        let lowestFree = (0...).first { !open.contains($0) } ?? open.count
        let lowered = try await ChildProcess.run(prlimit, ["--pid", "\(pid)", "--nofile=\(lowestFree):"])
        #expect(lowered.status == 0, "\(lowered)")

        var clients: [SourceBoundSocket] = []
        for _ in 0..<5 {
            clients.append(try await SourceBoundSocket.connect(to: server.port, firstBytes: Self.launchRequest))
        }
        for client in clients {
            let response = try #require(try await client.readResponse(), "a client got no answer")
            #expect(response.status == 503)
            #expect(response.text.contains("the server has run out of file descriptors"))
        }

        let restored = try await ChildProcess.run(prlimit, ["--pid", "\(pid)", "--nofile=\(lowestFree + 256):"])
        #expect(restored.status == 0, "\(restored)")
        // The listener may be paused until the next sweep; the client waits in the backlog meanwhile.
        let later = try await SourceBoundSocket.connect(to: server.port, firstBytes: Self.launchRequest)
        #expect(try await later.readResponse()?.status == 200)
        #expect(await server.stop() == 0)
        #expect(server.log.contains("out of file descriptors"))
    }

    @Test("--max-connections-per-client caps one address's connections: the next gets 503")
    func perClientOption() async throws {
        let server = try await SkillServerProcess.start(
            Products.path("ride-hailer"), ["--no-verify", "--max-connections-per-client", "1"])
        #expect(Self.servingLine(server.log).contains("1 per client address"))
        let first = try await SourceBoundSocket.connect(to: server.port, firstBytes: Self.launchRequest)
        #expect(try await first.readResponse()?.status == 200)
        let second = try await SourceBoundSocket.connect(to: server.port, firstBytes: Self.launchRequest)
        let refused = try #require(try await second.readResponse())
        #expect(refused.status == 503)
        #expect(refused.text.contains("this client address already has 1 open connection"))
        let elsewhere = try await SourceBoundSocket.connect(to: server.port, from: "127.0.0.2", firstBytes: Self.launchRequest)
        #expect(try await elsewhere.readResponse()?.status == 200)
        #expect(await server.stop() == 0)
    }
}

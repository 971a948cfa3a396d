@testable import SkillGateHTTP
import SkillGateLogging
import Testing

/// Issue 10 item 10: the connection cap must fit the open-file limit, and the start-up line says
/// what is in force.
struct ConnectionLimitsTests {
    @Test("a cap the open-file limit cannot hold is clamped, leaving room for refusals and other descriptors")
    func clampedToDescriptorLimit() {
        let limits = HTTPConnectionLimits(
            maxConnections: 1024, maxConnectionsPerClient: nil, descriptorLimit: 64, openDescriptors: 12)
        #expect(limits.isClamped)
        // 64 - 12 open - 8 headroom = 44 descriptors: 5 for lingering refusals, 39 for connections.
        #expect(limits.maxConnections == 39)
        #expect(limits.refusalSlots == 5)
        #expect(limits.maxConnections + limits.refusalSlots + 12 < 64)
        #expect(limits.maxConnectionsPerClient == 19)
        #expect(
            limits.description
                == "at most 39 connections (clamped from 1024 to fit the open-file limit of 64: raise `ulimit -n`), 19 per client address"
        )
    }

    @Test("a limit with room keeps the configured cap; an explicit per-client limit above the cap is the cap")
    func roomyLimitKeepsCap() {
        let limits = HTTPConnectionLimits(
            maxConnections: 1024, maxConnectionsPerClient: 5000, descriptorLimit: 20000, openDescriptors: 12)
        #expect(!limits.isClamped)
        #expect(limits.maxConnections == 1024)
        #expect(limits.maxConnectionsPerClient == 1024)
        #expect(limits.description == "at most 1024 connections, 1024 per client address")
        let unknown = HTTPConnectionLimits(
            maxConnections: 10, maxConnectionsPerClient: nil, descriptorLimit: nil, openDescriptors: 12)
        #expect(unknown.maxConnections == 10 && unknown.maxConnectionsPerClient == 5)
    }

    @Test("the start-up line names a raise of the soft limit, and a clamp after raising to the hard limit")
    func raisedLimitIsReported() {
        let raised = HTTPConnectionLimits(
            maxConnections: 1024, maxConnectionsPerClient: nil, descriptorLimit: 1200, openDescriptors: 12,
            raisedFrom: 64)
        #expect(
            raised.description == "at most 1024 connections, 512 per client address (open-file limit raised from 64 to 1200)")
        let stillShort = HTTPConnectionLimits(
            maxConnections: 1024, maxConnectionsPerClient: nil, descriptorLimit: 512, openDescriptors: 12,
            raisedFrom: 64)
        #expect(stillShort.isClamped)
        #expect(stillShort.description.contains("raised from 64 to the hard limit: raise `ulimit -Hn`"))
        #expect(HTTPConnectionLimits.wantedDescriptors(cap: 1024, open: 12) <= 1200)
        #expect(HTTPConnectionLimits.wantedDescriptors(cap: .max, open: 12) == .max)
    }

    @Test("a started server reports its limits and says them in its start-up line")
    func startUpLine() async throws {
        let log = LogCapture()
        let configuration = HTTPServerConfiguration(port: 0, maxConnections: 100, accessLog: false, eventLoopCount: 1)
        try await withServer(configuration, logger: log.logger) { server, _ in
            let limits = try #require(server.connectionLimits)
            #expect(limits.maxConnections == 100)
            #expect(limits.maxConnectionsPerClient == 50)
            #expect(
                log.all.contains {
                    $0.contains("HTTP server listening on") && $0.contains("at most 100 connections, 50 per client address")
                })
        }
    }

    @Test("maxConnectionsPerClient below 1 is a configuration error")
    func invalidPerClientLimit() {
        let server = makeServer(configuration: HTTPServerConfiguration(port: 0, maxConnectionsPerClient: 0))
        #expect(throws: HTTPServerError.self) { try server.start() }
    }
}

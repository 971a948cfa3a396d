#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation
import SkillGateSystem

/// `ride-hailer serve` (release, beside this binary, `--no-verify`, access log on) as a child
/// process on a free loopback port, ready once `GET /health` answers.
final class BenchServer {
    /// The running server.
    let process: Subprocess
    /// Its port on 127.0.0.1.
    let port: Int

    private init(process: Subprocess, port: Int) {
        self.process = process
        self.port = port
    }

    /// The server binary, or nil (with the message printed) when it has not been built.
    static func executable() -> String? {
        let server = BenchProducts.sibling("ride-hailer")
        guard FileManager.default.isExecutableFile(atPath: server.path) else {
            print("ride-hailer is not built beside skillgate-bench: run `swift build -c release` first")
            return nil
        }
        return server.path
    }

    /// Starts the server and waits (up to 30 s) until it answers `GET /health`.
    /// - Parameters:
    ///   - executable: the `ride-hailer` binary.
    ///   - standardError: where its log goes (the access log included).
    static func start(_ executable: String, standardError: Subprocess.Redirection = .nullDevice) throws -> BenchServer {
        let port = try HTTPBenchmark.freePort()
        var environment = ProcessEnvironment.read()
        environment["LOG_LEVEL"] = environment["LOG_LEVEL"] ?? "info"
        let process = try Subprocess(
            executable, arguments: ["serve", "--host", "127.0.0.1", "--port", "\(port)", "--no-verify"], environment: environment,
            standardInput: .nullDevice, standardOutput: .nullDevice, standardError: standardError)
        let server = BenchServer(process: process, port: port)
        let deadline = ContinuousClock.now.advanced(by: .seconds(30))
        while ContinuousClock.now < deadline && process.isRunning {
            if server.isHealthy() { return server }
            usleep(20_000)
        }
        process.terminate()
        throw BenchmarkError(description: "ride-hailer serve did not answer GET /health on port \(port) within 30 s")
    }

    private static let healthRequest = Array("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)

    /// Whether `GET /health` answers 200.
    func isHealthy() -> Bool {
        guard let connection = BenchConnection.open(port: port, timeoutSeconds: 2) else { return false }
        return connection.exchange(Self.healthRequest) == .answered(status: 200, close: false)
    }

    /// The server's resident set size now (`VmRSS` in /proc/PID/status), in kB.
    var residentKilobytes: Int { HTTPBenchmark.residentKilobytes(pid: process.processIdentifier, field: "VmRSS:") }

    /// The server's peak resident set size (`VmHWM`), in kB.
    var peakResidentKilobytes: Int { HTTPBenchmark.residentKilobytes(pid: process.processIdentifier, field: "VmHWM:") }

    /// A keep-alive POST of a linked OrderRideIntent, as the HTTP benchmark sends it.
    static let orderRequest: [UInt8] = {
        let body = TestRequestBody.linkedOrder
        let head = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n"
        return Array(head.utf8) + body
    }()
}

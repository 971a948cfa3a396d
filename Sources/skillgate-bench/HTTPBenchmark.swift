import Foundation
import SkillGate
import SkillGateSystem

/// Drives `ride-hailer serve` (release build, verification off) with `wrk` using keep-alive POSTs
/// of a linked OrderRideIntent, and prints requests/s, p50/p99 latency, errors and peak RSS.
enum HTTPBenchmark {
    /// One wrk run against one server binary.
    struct Figures {
        /// wrk's output.
        let output: String
        /// The server's resident set at start-up and its peak, in kB.
        let startupRSS: Int
        let peakRSS: Int

        var requestsPerSecond: Double? { WrkSummary.value(after: "Requests/sec:", in: output).flatMap(Double.init) }
    }

    /// Runs the benchmark once against this build's `ride-hailer`, or with `against` alternately
    /// against this build's and that binary, `rounds` times each (this build first): on a machine
    /// whose speed drifts, only figures measured side by side compare.
    static func run(duration: Int, connections: Int, threads: Int, against: String? = nil, rounds: Int = 3) async -> Int32 {
        let server = BenchProducts.sibling("ride-hailer").path
        guard FileManager.default.isExecutableFile(atPath: server) else {
            print("ride-hailer is not built beside skillgate-bench: run `swift build -c release` first")
            return 2
        }
        if let against, !FileManager.default.isExecutableFile(atPath: against) {
            print("--against \(against): not an executable ride-hailer")
            return 2
        }
        guard let wrk = which("wrk") else {
            print("wrk is not installed: apt-get install -y wrk")
            return 2
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("skillgate-bench-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: work) }
            let body = TestRequestBody.linkedOrder
            let script = """
                wrk.method = "POST"
                wrk.body = [[\(String(decoding: body, as: UTF8.self))]]
                wrk.headers["Content-Type"] = "application/json"
                """
            let scriptPath = work.appendingPathComponent("post.lua").path
            try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
            let wrkArguments = ["-t\(threads)", "-c\(connections)", "-d\(duration)s", "--latency", "-s", scriptPath]
            print("SkillGate HTTP benchmark: ride-hailer serve (release, --no-verify, access log on → /dev/null)")
            print(
                "  wrk -t\(threads) -c\(connections) -d\(duration)s --latency, keep-alive POST of a linked OrderRideIntent (\(body.count) B)"
            )
            guard let against else {
                let figures = try await measure(server: server, wrk: wrk, arguments: wrkArguments)
                print(WrkSummary.report(figures.output))
                print("  server RSS: \(figures.startupRSS / 1024) MB at start-up, peak \(figures.peakRSS / 1024) MB")
                return 0
            }
            print("  \(rounds) alternating rounds: this build's ride-hailer, then \(against)")
            var ours: [Double] = []
            var theirs: [Double] = []
            for round in 1...max(1, rounds) {
                for (label, path) in [("this build", server), ("--against", against)] {
                    let figures = try await measure(server: path, wrk: wrk, arguments: wrkArguments)
                    let rate = figures.requestsPerSecond ?? 0
                    if label == "this build" { ours.append(rate) } else { theirs.append(rate) }
                    let p99 = WrkSummary.value(after: "99%", in: figures.output) ?? "?"
                    print("  round \(round), \(label): \(Int(rate)) requests/s, p99 \(p99), peak RSS \(figures.peakRSS / 1024) MB")
                }
            }
            print("  this build: \(spread(ours)); --against: \(spread(theirs))")
            return 0
        } catch {
            print("benchmark failed: \(error)")
            return 1
        }
    }

    /// Starts `server` on a free port, drives it with wrk, and stops it.
    static func measure(server: String, wrk: String, arguments: [String]) async throws -> Figures {
        let port = try freePort()
        var environment = ProcessEnvironment.read()
        environment["LOG_LEVEL"] = environment["LOG_LEVEL"] ?? "info"
        let process = try Subprocess(
            server, arguments: ["serve", "--port", "\(port)", "--no-verify"], environment: environment,
            standardOutput: .nullDevice, standardError: .nullDevice)
        defer { process.terminate() }
        guard try await waitUntilServing(port: port) else {
            throw BenchmarkError(description: "\(server) serve did not start on port \(port)")
        }
        let startupRSS = residentKilobytes(pid: process.processIdentifier, field: "VmRSS:")
        let output = try capture(wrk, arguments + ["http://127.0.0.1:\(port)/"])
        return Figures(output: output, startupRSS: startupRSS, peakRSS: residentKilobytes(pid: process.processIdentifier, field: "VmHWM:"))
    }

    /// `min 18,700 / median 19,900 / max 20,500 requests/s`.
    static func spread(_ rates: [Double]) -> String {
        let sorted = rates.sorted()
        guard let low = sorted.first, let high = sorted.last else { return "no runs" }
        return "min \(Int(low)) / median \(Int(sorted[sorted.count / 2])) / max \(Int(high)) requests/s"
    }

    static func which(_ name: String) -> String? {
        Subprocess.which(name, searchPath: (ProcessEnvironment.read()["PATH"] ?? "") + ":/usr/bin:/usr/sbin")
    }

    /// Runs a program to completion (at most 10 minutes) and returns its stdout and stderr.
    static func capture(_ executable: String, _ arguments: [String]) throws -> String {
        let output = try Subprocess.run(executable, arguments: arguments, timeout: .seconds(600))
        return String(decoding: output.standardOutput + output.standardError, as: UTF8.self)
    }

    static func waitUntilServing(port: Int) async throws -> Bool {
        for _ in 0..<200 {
            if let output = try? capture(
                "/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:\(port)/health"]),
                output == "200"
            {
                return true
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    static func residentKilobytes(pid: Int32, field: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(field) {
            return Int(line.split(separator: " ").dropFirst().first { Int($0) != nil } ?? "0") ?? 0
        }
        return 0
    }

    static func freePort() throws -> Int {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
        }
        guard bound == 0 else { throw BenchmarkError(description: "cannot bind a loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// The figures out of wrk's `--latency` output.
enum WrkSummary {
    /// What follows `label` on the first line of wrk's output that starts with it.
    static func value(after label: String, in output: String) -> String? {
        guard let line = output.split(separator: "\n").first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(label) }) else {
            return nil
        }
        return line.trimmingCharacters(in: .whitespaces).dropFirst(label.count).trimmingCharacters(in: .whitespaces)
    }

    /// Requests per second, latency p50 and p99, socket errors and non-2xx answers, on three lines.
    static func report(_ output: String) -> String {
        func value(after label: String, else missing: String) -> String { Self.value(after: label, in: output) ?? missing }
        return "  requests/s: \(value(after: "Requests/sec:", else: "?"))\n"
            + "  latency p50: \(value(after: "50%", else: "?")), p99: \(value(after: "99%", else: "?"))\n"
            + "  socket errors: \(value(after: "Socket errors:", else: "none")); "
            + "non-2xx responses: \(value(after: "Non-2xx or 3xx responses:", else: "0"))"
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation
import SkillGateSystem
import Synchronization

/// The fault benchmark: what `ride-hailer serve` (release, `--no-verify`) loses or gives up under
/// faults, measured on this machine from in-process client threads. Not a test: it prints
/// figures next to what they should be, and fails only when it cannot run.
///
/// - SIGTERM under keep-alive load: requests written but never answered, over several restarts (want 0).
/// - Slowloris: legitimate keep-alive throughput while hundreds of connections trickle header bytes
///   from another loopback address, as a share of the quiet throughput measured before and after (want ≥ 0.9).
/// - Soak: the server's RSS before and after minutes of load (want flat).
enum FaultBenchmark {
    /// What to run and for how long.
    struct Options {
        /// SIGTERM runs (a fresh server each).
        var runs = 5
        /// Legitimate keep-alive connections (one client thread each).
        var connections = 64
        /// Seconds of load before each SIGTERM.
        var loadSeconds = 3
        /// Milliseconds each SIGTERM-run client waits after an answer (0: back-to-back requests).
        var thinkMilliseconds = 0
        /// Slowloris connections.
        var slowlorisConnections = 900
        /// Milliseconds between two header bytes on one slowloris connection.
        var trickleMilliseconds = 1000
        /// Seconds each throughput window lasts (quiet, attacked, quiet).
        var slowlorisSeconds = 10
        /// Seconds of soak load.
        var soakSeconds = 300
        /// `sigterm`, `slowloris` or `soak` to run one part only; nil runs all three.
        var only: String?
    }

    static let parts = ["sigterm", "slowloris", "soak"]

    static func run(_ options: Options) -> Int32 {
        if let only = options.only, !parts.contains(only) {
            print("--only takes one of \(parts.joined(separator: ", ")); got \(only)")
            return 64
        }
        guard let executable = BenchServer.executable() else { return 2 }
        // A write to a connection the server has closed must fail with EPIPE, not end the benchmark.
        signal(SIGPIPE, SIG_IGN)
        print(
            "SkillGate fault benchmark: ride-hailer serve (release, --no-verify, access log on), keep-alive POSTs of a linked OrderRideIntent (\(BenchServer.orderRequest.count) B) from \(options.connections) client threads"
        )
        var summary: [String] = []
        do {
            if options.only == nil || options.only == "sigterm" {
                summary.append(try sigtermRuns(executable, options))
            }
            if options.only == nil || options.only == "slowloris" {
                summary.append(try slowloris(executable, options))
            }
            if options.only == nil || options.only == "soak" {
                summary.append(try soak(executable, options))
            }
        } catch {
            print("fault benchmark failed: \(error)")
            return 1
        }
        print("Summary: " + summary.joined(separator: "; "))
        return 0
    }

    // MARK: - SIGTERM under keep-alive load

    /// Starts a server, loads it, SIGTERMs it, and counts the requests written that got no answer; `runs` times.
    private static func sigtermRuns(_ executable: String, _ options: Options) throws -> String {
        print(
            "SIGTERM under keep-alive load: \(options.runs) runs, each a fresh server, \(options.loadSeconds) s of load\(options.thinkMilliseconds > 0 ? " (\(options.thinkMilliseconds) ms pause after each answer)" : ""), then SIGTERM while the clients keep sending"
        )
        var lost = 0
        var written = 0
        for run in 1...options.runs {
            let log = FileManager.default.temporaryDirectory.appendingPathComponent("skillgate-faults-\(UUID().uuidString).log")
            let descriptor = open(log.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            guard descriptor >= 0 else { throw BenchmarkError(description: "cannot create \(log.path)") }
            defer {
                close(descriptor)
                try? FileManager.default.removeItem(at: log)
            }
            let server = try BenchServer.start(executable, standardError: .descriptor(descriptor))
            let driver = LoadDriver(
                port: server.port, connections: options.connections, request: BenchServer.orderRequest, refusal: .stop,
                thinkMilliseconds: options.thinkMilliseconds)
            driver.start()
            sleep(UInt32(options.loadSeconds))
            let answeredBefore = driver.answeredCount
            let clock = ContinuousClock()
            let signalled = clock.now
            server.process.signal(SIGTERM)
            var exitedAfter: Duration?
            var status: Int32?
            let deadline = signalled.advanced(by: .seconds(40))
            while clock.now < deadline {
                if status == nil, let exited = server.process.exitStatus {
                    status = exited
                    exitedAfter = signalled.duration(to: clock.now)
                }
                if status != nil && driver.wait(timeout: .milliseconds(5)) { break }
                if status == nil { usleep(5_000) }
            }
            driver.stop()
            let clientsEnded = driver.wait(timeout: .seconds(15))
            if status == nil { server.process.terminate() }
            let counts = driver.counts
            lost += counts.lost
            written += counts.written
            let timedOut = drainTimeoutLine(in: log.path)
            var line =
                "  run \(run): \(number(counts.written)) written, \(number(counts.answered)) answered (\(number(counts.answered - answeredBefore)) after SIGTERM), \(counts.lost) lost"
            if counts.errorStatus > 0 { line += ", \(counts.errorStatus) error statuses" }
            if counts.notWritten > 0 { line += " (\(counts.notWritten) idle connections seen closed before reuse)" }
            if let status, let exitedAfter {
                line += "; exit \(status) \(format(exitedAfter.seconds, digits: 2)) s after SIGTERM"
            } else {
                line += "; still running 40 s after SIGTERM (killed)"
            }
            if let timedOut { line += "; \(timedOut)" }
            if !clientsEnded { line += "; some client threads never ended" }
            print(line)
        }
        print("  lost: \(lost) of \(number(written)) written requests over \(options.runs) runs (want 0)")
        return "SIGTERM lost \(lost) of \(number(written)) (want 0)"
    }

    /// The server's "drain timed out" log line, if it wrote one.
    private static func drainTimeoutLine(in path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let line = text.split(separator: "\n").last(where: { $0.contains("drain timed out") }) else { return nil }
        guard let start = line.range(of: "drain timed out") else { return String(line) }
        return "server: " + line[start.lowerBound...]
    }

    // MARK: - Slowloris

    /// Quiet throughput, throughput under a slowloris attack, quiet again; prints the share.
    private static func slowloris(_ executable: String, _ options: Options) throws -> String {
        let source = BenchConnection.canBind("127.0.0.2") ? "127.0.0.2" : nil
        print(
            "Slowloris: \(options.slowlorisConnections) connections from \(source ?? "127.0.0.1") each sending a request line, then one header byte every \(options.trickleMilliseconds) ms; \(options.connections) legitimate keep-alive connections from 127.0.0.1, \(options.slowlorisSeconds) s windows"
        )
        let server = try BenchServer.start(executable)
        defer { server.process.terminate() }
        let seconds = options.slowlorisSeconds
        let quietBefore = throughput(port: server.port, connections: options.connections, seconds: seconds)
        print("  quiet: \(format(quietBefore.rate, digits: 0)) requests/s\(quietBefore.problems)")
        let attacker = Slowloris(
            port: server.port, connections: options.slowlorisConnections, source: source,
            byteInterval: .milliseconds(options.trickleMilliseconds))
        attacker.start()
        let opened = attacker.waitUntilOpen(timeout: .seconds(20))
        let attacked = throughput(port: server.port, connections: options.connections, seconds: seconds)
        let held = attacker.openNow.load(ordering: .relaxed)
        let reopened = attacker.reopened.load(ordering: .relaxed)
        let failed = attacker.connectFailures.load(ordering: .relaxed)
        attacker.stop()
        print(
            "  under attack: \(format(attacked.rate, digits: 0)) requests/s\(attacked.problems) (attacker: \(opened) open at the start, \(held) at the end, \(reopened) closed by the server and reopened, \(failed) failed attempts)"
        )
        let quietAfter = throughput(port: server.port, connections: options.connections, seconds: seconds)
        print("  quiet again: \(format(quietAfter.rate, digits: 0)) requests/s\(quietAfter.problems)")
        let quiet = (quietBefore.rate + quietAfter.rate) / 2
        let share = quiet > 0 ? attacked.rate / quiet : 0
        print("  share of the quiet throughput under attack: \(format(share, digits: 2)) (want ≥ 0.9)")
        return "slowloris share \(format(share, digits: 2)) (want ≥ 0.9)"
    }

    /// 2xx answers per second over `seconds`, after a 1 s warm-up, from fresh client threads.
    private static func throughput(port: Int, connections: Int, seconds: Int) -> (rate: Double, problems: String) {
        let driver = LoadDriver(port: port, connections: connections, request: BenchServer.orderRequest, refusal: .retry)
        driver.start()
        sleep(1)
        let clock = ContinuousClock()
        let start = clock.now
        let before = driver.answeredCount
        sleep(UInt32(seconds))
        let answered = driver.answeredCount - before
        let elapsed = start.duration(to: clock.now)
        driver.stop()
        _ = driver.wait(timeout: .seconds(15))
        let counts = driver.counts
        var problems: [String] = []
        if counts.lost > 0 { problems.append("\(counts.lost) lost") }
        if counts.errorStatus > 0 { problems.append("\(counts.errorStatus) error statuses") }
        if counts.connectFailures > 0 { problems.append("\(counts.connectFailures) failed connection attempts") }
        return (Double(answered) / elapsed.seconds, problems.isEmpty ? "" : " (" + problems.joined(separator: ", ") + ")")
    }

    // MARK: - Soak

    /// RSS before load, after a warm-up, during and at the end of `soakSeconds` of load.
    private static func soak(_ executable: String, _ options: Options) throws -> String {
        let total = options.soakSeconds
        let warmUp = max(1, min(30, total / 10))
        print(
            "Soak: \(total) s of keep-alive load; server RSS (VmRSS) before, after \(warmUp) s of warm-up, and every \(max(1, total / 5)) s"
        )
        let server = try BenchServer.start(executable)
        defer { server.process.terminate() }
        let idle = server.residentKilobytes
        let driver = LoadDriver(port: server.port, connections: options.connections, request: BenchServer.orderRequest, refusal: .retry)
        let clock = ContinuousClock()
        let start = clock.now
        driver.start()
        sleep(UInt32(warmUp))
        let warm = server.residentKilobytes
        print("  before load: \(megabytes(idle)) MB; after the warm-up: \(megabytes(warm)) MB")
        var elapsed = warmUp
        let step = max(1, total / 5)
        while elapsed < total {
            let pause = min(step, total - elapsed)
            sleep(UInt32(pause))
            elapsed += pause
            print("  \(elapsed) s: \(megabytes(server.residentKilobytes)) MB, \(number(driver.answeredCount)) answered")
        }
        let end = server.residentKilobytes
        let seconds = start.duration(to: clock.now).seconds
        driver.stop()
        _ = driver.wait(timeout: .seconds(15))
        let counts = driver.counts
        let peak = server.peakResidentKilobytes
        let growth = end - warm
        print(
            "  \(number(counts.answered)) answered (\(format(Double(counts.answered) / seconds, digits: 0))/s), \(counts.lost) lost, \(counts.errorStatus) error statuses, \(counts.connectFailures) failed connection attempts"
        )
        print(
            "  RSS after the warm-up \(megabytes(warm)) MB → at the end \(megabytes(end)) MB (\(growth >= 0 ? "+" : "")\(megabytes(growth)) MB; peak \(megabytes(peak)) MB) (want flat)"
        )
        return "soak RSS \(megabytes(warm)) → \(megabytes(end)) MB over \(total) s (want flat)"
    }

    // MARK: - Formatting

    private static func megabytes(_ kilobytes: Int) -> String {
        format(Double(kilobytes) / 1024, digits: 1)
    }

    private static func format(_ value: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    /// `1234567` as `1,234,567`.
    private static func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += "," }
            grouped.append(character)
        }
        return (value < 0 ? "-" : "") + grouped
    }
}

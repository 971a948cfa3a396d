#if canImport(Glibc)
    import Glibc
#endif
import SkillGate

/// Median microseconds per request, decode → route → gate → handler → encode, in-process.
enum InProcessBenchmark {
    static func run(iterations: Int) async -> Int32 {
        let runner: SkillRunner
        do {
            runner = try SkillRunner(skill: BenchSkill(), logger: .disabled)
        } catch {
            print("benchmark skill is invalid: \(error)")
            return 1
        }
        let scenarios: [(String, [UInt8])] = [
            ("linked OrderRideIntent (handler runs)", BenchRequests.linkedOrder),
            ("unlinked OrderRideIntent (link prompt)", BenchRequests.unlinkedOrder),
            ("public RideHailerAvailabilityByCity", BenchRequests.publicAvailability),
            ("linked OrderRideFromHereIntent, device-address permission granted", BenchRequests.permissionGranted),
        ]
        print("SkillGate in-process benchmark: \(iterations) requests per scenario, batches of 100")
        let only = scenarioFilter()
        for (name, body) in scenarios where only.map(name.hasPrefix) ?? true {
            let first = await runner.handle(body: body)
            guard first.error == nil else {
                print("\(name): request rejected: \(first.error.map(String.init(describing:)) ?? "")")
                return 1
            }
            for _ in 0..<min(2000, iterations) { _ = await runner.handle(body: body) }
            var perRequest: [Double] = []
            var cpuPerRequest: [Double] = []
            let clock = ContinuousClock()
            let batches = max(1, iterations / 100)
            var bytesOut = 0
            for _ in 0..<batches {
                let cpuStart = processCPUMicroseconds()
                let elapsed = await clock.measure {
                    for _ in 0..<100 { bytesOut &+= await runner.handle(body: body).body.count }
                }
                cpuPerRequest.append((processCPUMicroseconds() - cpuStart) / 100)
                perRequest.append(microseconds(elapsed) / 100)
            }
            perRequest.sort()
            cpuPerRequest.sort()
            let median = perRequest[perRequest.count / 2]
            let p90 = perRequest[perRequest.count * 9 / 10]
            print(
                "  \(name): request \(body.count) B, response \(first.body.count) B, median \(format(median)) µs (CPU \(format(cpuPerRequest[cpuPerRequest.count / 2])) µs), p90 \(format(p90)) µs"
            )
            if bytesOut == 0 { print("  (no output?)") }
        }
        return 0
    }

    /// `--scenario PREFIX`: run only the scenarios whose name starts with it (e.g. `linked`,
    /// `unlinked`, `public`), so `perf stat` can count one scenario's instructions.
    static func scenarioFilter() -> String? {
        let arguments = CommandLine.arguments
        guard let flag = arguments.firstIndex(of: "--scenario"), flag + 1 < arguments.count else { return nil }
        return arguments[flag + 1]
    }

    /// CPU time used by this process so far: unlike wall time, not inflated when other work shares the cores.
    static func processCPUMicroseconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) * 1_000_000 + Double(spec.tv_nsec) / 1000
    }

    static func microseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1_000_000 + Double(attoseconds) / 1_000_000_000_000
    }

    static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

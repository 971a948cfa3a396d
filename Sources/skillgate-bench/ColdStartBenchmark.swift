import Foundation
import SkillGateSystem

/// Process start to answer: runs `ride-hailer stdio` (release, beside this binary, or `binary`,
/// e.g. the `bootstrap` from `package-lambda`'s zip) on one linked OrderRideIntent, many times,
/// and prints the median and p90 wall time per run.
enum ColdStartBenchmark {
    static func run(runs: Int, binary: String? = nil) async -> Int32 {
        let server = binary.map { URL(fileURLWithPath: $0) } ?? BenchProducts.sibling("ride-hailer")
        guard FileManager.default.isExecutableFile(atPath: server.path) else {
            print(
                binary == nil
                    ? "ride-hailer is not built beside skillgate-bench: run `swift build -c release` first"
                    : "\(server.path) is not an executable")
            return 2
        }
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("skillgate-coldstart-\(UUID().uuidString).json")
        do {
            try Data(TestRequestBody.linkedOrder).write(to: input)
            defer { try? FileManager.default.removeItem(at: input) }
            let skill = try await measure(server.path, ["stdio"], input: input.path, runs: runs)
            let baseline = try await measure("/bin/true", [], input: input.path, runs: runs)
            print(
                "Cold start: `\(server.lastPathComponent) stdio` answering one linked OrderRideIntent, process start to exit, \(runs) runs")
            print("  median \(InProcessBenchmark.format(skill.median)) ms, p90 \(InProcessBenchmark.format(skill.p90)) ms")
            print("  (spawning /bin/true the same way: median \(InProcessBenchmark.format(baseline.median)) ms)")
            return 0
        } catch {
            print("cold-start benchmark failed: \(error)")
            return 1
        }
    }

    /// Spawns `program` `runs` times (after 3 warm-ups) with `input` on stdin and times each run
    /// from spawn to exit; the waits happen off Swift's cooperative pool.
    static func measure(_ program: String, _ arguments: [String], input: String, runs: Int) async throws -> (median: Double, p90: Double) {
        var samples: [Double] = []
        let clock = ContinuousClock()
        for index in 0..<(runs + 3) {
            let descriptor = open(input, O_RDONLY)
            guard descriptor >= 0 else { throw BenchmarkError(description: "cannot open \(input)") }
            defer { close(descriptor) }
            let started = clock.now
            let process = try Subprocess(
                program, arguments: arguments, standardInput: .descriptor(descriptor), standardOutput: .nullDevice,
                standardError: .nullDevice)
            let status = await process.waitUntilExit()
            let elapsed = started.duration(to: clock.now)
            guard status == 0 else {
                throw BenchmarkError(description: "\(URL(fileURLWithPath: program).lastPathComponent) exited with \(status)")
            }
            if index >= 3 { samples.append(InProcessBenchmark.microseconds(elapsed) / 1000) }
        }
        samples.sort()
        return (samples[samples.count / 2], samples[samples.count * 9 / 10])
    }
}

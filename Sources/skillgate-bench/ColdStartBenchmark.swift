import Foundation

/// Process start to answer: runs `ride-hailer stdio` (release, beside this binary) on one
/// linked OrderRideIntent, many times, and prints the median and p90 wall time per run.
enum ColdStartBenchmark {
    static func run(runs: Int) async -> Int32 {
        let directory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let server = directory.appendingPathComponent("ride-hailer")
        guard FileManager.default.isExecutableFile(atPath: server.path) else {
            print("ride-hailer is not built beside skillgate-bench: run `swift build -c release` first")
            return 2
        }
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("skillgate-coldstart-\(UUID().uuidString).json")
        do {
            try Data(TestRequestBody.linkedOrder).write(to: input)
            defer { try? FileManager.default.removeItem(at: input) }
            let skill = try measure(server, ["stdio"], input: input, runs: runs)
            let baseline = try measure(URL(fileURLWithPath: "/bin/true"), [], input: input, runs: runs)
            print("Cold start: `ride-hailer stdio` answering one linked OrderRideIntent, process start to exit, \(runs) runs")
            print("  median \(InProcessBenchmark.format(skill.median)) ms, p90 \(InProcessBenchmark.format(skill.p90)) ms")
            print("  (spawning /bin/true the same way: median \(InProcessBenchmark.format(baseline.median)) ms)")
            return 0
        } catch {
            print("cold-start benchmark failed: \(error)")
            return 1
        }
    }

    static func measure(_ program: URL, _ arguments: [String], input: URL, runs: Int) throws -> (median: Double, p90: Double) {
        var samples: [Double] = []
        let clock = ContinuousClock()
        for index in 0..<(runs + 3) {
            let process = Process()
            process.executableURL = program
            process.arguments = arguments
            process.standardInput = try FileHandle(forReadingFrom: input)
            process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
            process.standardError = FileHandle(forWritingAtPath: "/dev/null")
            let elapsed = try clock.measure {
                try process.run()
                process.waitUntilExit()
            }
            guard process.terminationStatus == 0 else {
                throw BenchmarkError(description: "\(program.lastPathComponent) exited with \(process.terminationStatus)")
            }
            if index >= 3 { samples.append(InProcessBenchmark.microseconds(elapsed) / 1000) }
        }
        samples.sort()
        return (samples[samples.count / 2], samples[samples.count * 9 / 10])
    }
}

#if canImport(Glibc)
    import Glibc
#endif

// skillgate-bench: SkillGate's benchmarks. Build everything in release first: `swift build -c release`.
//   skillgate-bench [inprocess] [--iterations N]       median µs per request in-process (default)
//   skillgate-bench http [--duration S] [--connections C] [--threads T]
//                                                      wrk against `ride-hailer serve` (needs wrk)
//   skillgate-bench verify [--iterations N]            verification cost with the chain cached (needs openssl)
//   skillgate-bench coldstart [--iterations N]         process start to answer for `ride-hailer stdio`
//   skillgate-bench persistence [--iterations N]       a linked request reading and updating one SQLite attribute
let arguments = Array(CommandLine.arguments.dropFirst())

func option(_ name: String, default value: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let number = Int(arguments[index + 1]), number > 0 else {
        return value
    }
    return number
}

let mode = arguments.first { !$0.hasPrefix("--") && Int($0) == nil } ?? "inprocess"
switch mode {
case "inprocess":
    exit(await InProcessBenchmark.run(iterations: option("--iterations", default: 50_000)))
case "http":
    exit(
        await HTTPBenchmark.run(
            duration: option("--duration", default: 10), connections: option("--connections", default: 64),
            threads: option("--threads", default: 2)))
case "coldstart":
    exit(await ColdStartBenchmark.run(runs: option("--iterations", default: 50)))
case "persistence":
    exit(await PersistenceBenchmark.run(iterations: option("--iterations", default: 5_000)))
case "verify":
    exit(await VerifyBenchmark.run(iterations: option("--iterations", default: 5_000)))
default:
    print(
        "usage: skillgate-bench [inprocess | http | verify | coldstart | persistence] [--iterations N] [--duration S] [--connections C] [--threads T]"
    )
    exit(64)
}

import SkillGateSystem

#if canImport(Glibc)
    import Glibc
#endif

// skillgate-bench: SkillGate's benchmarks. Build everything in release first: `swift build -c release`.
// `skillgate-bench --help` lists the modes and options.
let arguments = Array(CommandLine.arguments.dropFirst())

let usage = """
    USAGE: skillgate-bench [MODE] [options]

    Build in release first (`swift build -c release`); the modes run the products beside this binary.

    MODES:
      inprocess [--iterations N] [--scenario PREFIX]
                                     median µs per request in-process (the default); --scenario runs
                                     the scenarios whose name starts with PREFIX (linked, public, …)
      http [--duration S] [--connections C] [--threads T] [--against PATH [--rounds N]]
                                     wrk against `ride-hailer serve` (needs wrk); --against
                                     alternates with another build's ride-hailer, N rounds each
      verify [--iterations N]        verification cost with the chain cached (needs openssl)
      coldstart [--iterations N] [--binary PATH]
                                     process start to answer for `ride-hailer stdio`; --binary times
                                     another build of it, e.g. the bootstrap from package-lambda's zip
      persistence [--iterations N]   a linked request reading and updating one SQLite attribute
      faults [--runs N] [--connections C] [--load-seconds S] [--think-ms MS] [--slowloris-connections N]
             [--trickle-ms MS] [--slowloris-seconds S] [--soak-seconds S] [--only sigterm|slowloris|soak]
                                     requests lost across SIGTERMs under keep-alive load, slowloris
                                     throughput share, RSS before/after a soak

    OPTIONS:
      -h, --help                     Show this help (also after a mode: skillgate-bench http --help).

    EXIT CODES: 0 measured, 1 the benchmark failed, 2 a program it needs is missing (a release
    product, wrk, openssl), 64 usage error.
    """

if arguments.contains("--help") || arguments.contains("-h") || arguments.first == "help" {
    print(usage)
    exit(0)
}

func option(_ name: String, default value: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let number = Int(arguments[index + 1]), number > 0 else {
        return value
    }
    return number
}

func stringOption(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

let optionValues = [stringOption("--binary"), stringOption("--scenario"), stringOption("--only"), stringOption("--against")]
    .compactMap { $0 }
let mode = arguments.first { !$0.hasPrefix("--") && Int($0) == nil && !optionValues.contains($0) } ?? "inprocess"
switch mode {
case "inprocess":
    exit(await InProcessBenchmark.run(iterations: option("--iterations", default: 50_000)))
case "http":
    exit(
        await HTTPBenchmark.run(
            duration: option("--duration", default: 10), connections: option("--connections", default: 64),
            threads: option("--threads", default: 2), against: stringOption("--against"), rounds: option("--rounds", default: 3)))
case "coldstart":
    exit(await ColdStartBenchmark.run(runs: option("--iterations", default: 50), binary: stringOption("--binary")))
case "persistence":
    exit(await PersistenceBenchmark.run(iterations: option("--iterations", default: 5_000)))
case "verify":
    exit(await VerifyBenchmark.run(iterations: option("--iterations", default: 5_000)))
case "faults":
    var faults = FaultBenchmark.Options()
    faults.runs = option("--runs", default: faults.runs)
    faults.connections = option("--connections", default: faults.connections)
    faults.loadSeconds = option("--load-seconds", default: faults.loadSeconds)
    faults.thinkMilliseconds = option("--think-ms", default: faults.thinkMilliseconds)
    faults.slowlorisConnections = option("--slowloris-connections", default: faults.slowlorisConnections)
    faults.trickleMilliseconds = option("--trickle-ms", default: faults.trickleMilliseconds)
    faults.slowlorisSeconds = option("--slowloris-seconds", default: faults.slowlorisSeconds)
    faults.soakSeconds = option("--soak-seconds", default: faults.soakSeconds)
    faults.only = stringOption("--only")
    exit(FaultBenchmark.run(faults))
default:
    let modes = ["inprocess", "http", "verify", "coldstart", "persistence", "faults"]
    let hint = ArgumentSuggestion.closest(to: mode, among: modes).map { "did you mean '\($0)'?" } ?? "use \(modes.joined(separator: ", "))"
    StandardStreams.printError(ArgumentSuggestion.usageLine(command: "skillgate-bench", message: "unknown mode '\(mode)'; \(hint)"))
    exit(64)
}

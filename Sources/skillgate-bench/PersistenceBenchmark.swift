#if canImport(Glibc)
    import Glibc
#endif
import SkillGate
import SkillGateSQLite

/// The cost of persistent attributes: a linked OrderRideIntent whose handler reads and updates
/// one attribute in SQLite, against the same request and handler without persistence.
enum PersistenceBenchmark {
    static func run(iterations: Int) async -> Int32 {
        let folder = "/tmp/skillgate-bench-\(getpid())"
        mkdir(folder, 0o700)
        defer {
            for suffix in ["", "-wal", "-shm"] {
                for name in ["full", "normal"] { unlink("\(folder)/\(name).sqlite\(suffix)") }
            }
            rmdir(folder)
        }
        print("SkillGate persistence benchmark: \(iterations) linked requests per scenario, batches of 100")
        print("  (each request reads one attribute and writes it back incremented: one SELECT and one conditional UPDATE)")
        let scenarios: [(String, PersistenceConfiguration?)] = [
            ("without persistence", nil),
            (
                "SQLite, synchronous=FULL (default)",
                PersistenceConfiguration(store: SQLitePersistenceStore(path: "\(folder)/full.sqlite", durability: .full))
            ),
            (
                "SQLite, synchronous=NORMAL",
                PersistenceConfiguration(store: SQLitePersistenceStore(path: "\(folder)/normal.sqlite", durability: .normal))
            ),
        ]
        var baseline: Double?
        for (name, persistence) in scenarios {
            let runner: SkillRunner
            do {
                runner = try SkillRunner(skill: CountingBenchSkill(persistence: persistence), logger: .disabled)
            } catch {
                print("benchmark skill is invalid: \(error)")
                return 1
            }
            let body = BenchRequests.linkedOrder
            let first = await runner.handle(body: body)
            guard case .response(let envelope) = first.outcome, envelope.response.outputSpeech?.content.hasPrefix("Ride") == true else {
                print("\(name): unexpected answer: \(String(decoding: first.body, as: UTF8.self))")
                return 1
            }
            for _ in 0..<min(500, iterations) { _ = await runner.handle(body: body) }
            var wall: [Double] = []
            var cpu: [Double] = []
            let clock = ContinuousClock()
            for _ in 0..<max(1, iterations / 100) {
                let cpuStart = InProcessBenchmark.processCPUMicroseconds()
                let elapsed = await clock.measure {
                    for _ in 0..<100 { _ = await runner.handle(body: body) }
                }
                cpu.append((InProcessBenchmark.processCPUMicroseconds() - cpuStart) / 100)
                wall.append(InProcessBenchmark.microseconds(elapsed) / 100)
            }
            wall.sort()
            cpu.sort()
            let median = wall[wall.count / 2]
            let overhead = baseline.map { "; overhead \(InProcessBenchmark.format(median - $0)) µs per request" } ?? ""
            print(
                "  \(name): median \(InProcessBenchmark.format(median)) µs (CPU \(InProcessBenchmark.format(cpu[cpu.count / 2])) µs), p90 \(InProcessBenchmark.format(wall[wall.count * 9 / 10])) µs\(overhead)"
            )
            if baseline == nil { baseline = median }
        }
        return 0
    }
}

/// The benchmark's linked OrderRideIntent, counting the user's orders in a persistent attribute
/// when the skill has persistence (and doing the same work on a local object when it has none).
struct CountingBenchSkill: Skill {
    let persistence: PersistenceConfiguration?

    init() { persistence = nil }
    init(persistence: PersistenceConfiguration?) { self.persistence = persistence }

    var configuration: SkillConfiguration { SkillConfiguration(name: "Ride Hailer", applicationID: BenchRequests.skillID) }

    var routes: [Route] {
        Intent("OrderRideIntent", linking: .required) { request, context in
            let destination = request.slots["destination"]?.value ?? "work"
            let count: Int
            if persistence != nil {
                count = try await context.persistentAttributes.update { attributes -> Int in
                    let next = (attributes["orders"]?.intValue ?? 0) + 1
                    attributes["orders"] = .integer(next)
                    return next
                }
            } else {
                var attributes: JSONObject = ["orders": 0]
                attributes["orders"] = .integer((attributes["orders"]?.intValue ?? 0) + 1)
                count = attributes["orders"]?.intValue ?? 0
            }
            return .ask("Ride number \(count) to your default \(destination) location, right?")
        }
    }
}

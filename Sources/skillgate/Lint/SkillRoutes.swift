import SkillGateReplay
import SkillGateModel
import SkillGateSystem

/// A skill's route table as `CMD routes --json` prints it.
struct SkillRoutes {
    /// The skill's name.
    let skill: String
    /// Intent routes in table order, with their linking policy.
    let intents: [(name: String, linking: String)]
    /// Every route kind present: `launch`, `intent`, `sessionEnded`, `canFulfill`, `requestType`, `fallback`, `error`.
    let kinds: Set<String>

    /// Runs `CMD routes --json` under `/bin/sh -c` (stderr passes through to ours; `LOG_LEVEL`
    /// defaults to `warning`) and reads the table.
    /// - Parameters:
    ///   - command: the skill's command line, e.g. `.build/debug/ride-hailer`.
    ///   - environment: this process's environment.
    /// - Throws: ``CLIError`` when the command fails, takes longer than 30 s, or prints something else.
    init(command: String, environment: [String: String]) async throws(CLIError) {
        let full = command + " routes --json"
        let output: Subprocess.Output
        do {
            output = try await Subprocess.run(
                shell: full, environment: SkillEnvironment.forChild(of: environment), standardError: .inherit, timeout: .seconds(30))
        } catch {
            throw .transport(error.kind == .timedOut ? "`\(full)` did not finish within 30 s; it was terminated" : error.message)
        }
        guard output.status == 0 else {
            throw .transport("`\(full)` exited with status \(output.status); is \(command) a SkillGate skill?")
        }
        guard let json = try? JSONParser.parse(output.standardOutput), let routes = json["routes"]?.arrayValue else {
            throw .transport("`\(full)` did not print a route table ({\"routes\": [...]}); is \(command) a SkillGate skill?")
        }
        skill = json["skill"]?.stringValue ?? command
        var intents: [(name: String, linking: String)] = []
        var kinds: Set<String> = []
        for route in routes {
            let kind = route["kind"]?.stringValue ?? "?"
            kinds.insert(kind)
            if kind == "intent", let name = route["name"]?.stringValue {
                intents.append((name, route["linking"]?.stringValue ?? "?"))
            }
        }
        self.intents = intents
        self.kinds = kinds
    }
}

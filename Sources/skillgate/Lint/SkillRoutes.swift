import SkillGateModel

/// A skill's route table as `CMD routes --json` prints it.
struct SkillRoutes {
    /// The skill's name.
    let skill: String
    /// Intent routes in table order, with their linking policy.
    let intents: [(name: String, linking: String)]
    /// Every route kind present: `launch`, `intent`, `sessionEnded`, `canFulfill`, `requestType`, `fallback`, `error`.
    let kinds: Set<String>

    /// Runs `CMD routes --json` and reads the table.
    /// - Parameter command: the skill's command line, e.g. `.build/debug/ride-hailer`.
    /// - Throws: ``CLIError`` when the command fails or prints something else.
    init(command: String) throws(CLIError) {
        let full = command + " routes --json"
        let output = try ShellCommand.run(full)
        guard output.status == 0 else {
            throw .transport("`\(full)` exited with status \(output.status); is \(command) a SkillGate skill?")
        }
        guard let json = try? JSONParser.parse(output.stdout), let routes = json["routes"]?.arrayValue else {
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

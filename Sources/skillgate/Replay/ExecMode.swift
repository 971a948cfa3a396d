import SkillGateReplay

/// How `replay --exec` talks to the command (`--exec-mode`).
enum ExecMode: String, CaseIterable {
    /// Decide from the command: `--lines` in it means `lines`, a `stdio` without `--lines`
    /// means `once`; otherwise probe: send the first request and keep the input open; an answer
    /// line within ``probeWindow`` means `lines`, else the input is closed and, if the command
    /// then answers, it is `once`.
    case auto
    /// The command answers one request and exits (`my-skill stdio`): run once per request.
    case once
    /// The command answers one JSON line per input line for as long as its input is open
    /// (`my-skill stdio --lines`): keep it running.
    case lines

    /// How long the probe waits for an answer line before closing the command's input.
    static let probeWindow: Duration = .milliseconds(2500)

    /// The mode `auto` picks from the command line alone; nil when it needs the probe.
    /// - Parameter command: the `--exec` command.
    static func guess(_ command: String) -> ExecMode? {
        let words = command.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "'" })
        if words.contains("--lines") { return .lines }
        if words.contains("stdio") { return .once }
        return nil
    }

    /// Reads an `--exec-mode` value.
    /// - Parameter text: the value.
    /// - Throws: ``CLIError`` `.usage` naming the allowed values.
    static func parse(_ text: String) throws(CLIError) -> ExecMode {
        let allowed = allCases.map(\.rawValue)
        return ExecMode(rawValue: try RequestValues.check(text, in: allowed, "--exec-mode", failure: CLIError.usage)) ?? .auto
    }
}

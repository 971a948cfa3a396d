#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

import SkillGateSystem

// skillgate: the SkillGate command-line tool. Each subcommand lives in its own file as
// `enum <Name>Command { static let summary: String; static func run(_ arguments: [String]) async -> Int32 }`.
// Exit codes: 0 success, 1 a check failed (replay mismatch, lint problem, doctor FAIL, package-lambda
// refused), 2 usage or I/O error.

let commands: [(name: String, summary: String, run: ([String]) async -> Int32)] = [
    ("request", RequestCommand.summary, RequestCommand.run),
    ("replay", ReplayCommand.summary, ReplayCommand.run),
    ("lint", LintCommand.summary, LintCommand.run),
    ("new", NewCommand.summary, NewCommand.run),
    ("dev-cert", DevCertCommand.summary, DevCertCommand.run),
    ("doctor", DoctorCommand.summary, DoctorCommand.run),
    ("package-lambda", PackageLambdaCommand.summary, PackageLambdaCommand.run),
]

@MainActor func usage() -> String {
    var text = "USAGE: skillgate <command> [options]\n\nCOMMANDS:\n"
    for command in commands {
        text += "  " + command.name + String(repeating: " ", count: max(1, 16 - command.name.count)) + command.summary + "\n"
    }
    text += """

        OPTIONS:
          --version       Print the version.
          -h, --help      Show this help; 'skillgate <command> --help' shows a command's options.
          --no-color      (doctor, lint, replay) No colors; NO_COLOR=1 does the same. Colors and the
                          replay progress line appear only on a terminal.

        EXIT CODES: 0 success, 1 a check failed (a replay difference, a lint problem, a doctor FAIL, a
        package-lambda build that failed or was refused), 2 usage or I/O error.

        """
    return text
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--version" || arguments.first == "version" {
    Console.out("skillgate \(SkillGateVersion.current)\n")
    exit(0)
}
guard let name = arguments.first, name != "--help", name != "-h", name != "help" else {
    let text = usage()
    if arguments.isEmpty {
        Console.error(text)
        exit(Console.usageExitCode)
    }
    Console.out(text)
    exit(0)
}
guard let command = commands.first(where: { $0.name == name }) else {
    let what = name.hasPrefix("-") ? "option" : "command"
    let suggestion = ArgumentSuggestion.closest(to: name, among: commands.map(\.name) + ["--version", "--help"])
    Console.error(
        ArgumentSuggestion.usageLine(
            command: "skillgate", message: "unknown \(what) '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")))
    exit(Console.usageExitCode)
}
exit(await command.run(Array(arguments.dropFirst())))

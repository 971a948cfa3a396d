#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// skillgate: the SkillGate command-line tool. Each subcommand lives in its own file as
// `enum <Name>Command { static let summary: String; static func run(_ arguments: [String]) async -> Int32 }`.
// Exit codes: 0 success, 1 a check failed (replay mismatch, lint problem, doctor FAIL), 2 usage or I/O error.

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
    text += "\nRun 'skillgate <command> --help' for a command's options.\n"
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
        exit(2)
    }
    Console.out(text)
    exit(0)
}
guard let command = commands.first(where: { $0.name == name }) else {
    let suggestion = Suggestion.closest(to: name, among: commands.map(\.name)).map { "; did you mean '\($0)'?" } ?? ""
    Console.error("skillgate: unknown command '\(name)'\(suggestion) (see 'skillgate --help')")
    exit(2)
}
exit(await command.run(Array(arguments.dropFirst())))

import SkillGateReplay
import Foundation
import SkillGateSystem

/// `skillgate new NAME`: creates a skill package from `Templates/starter/` that builds and whose
/// replay passes.
enum NewCommand {
    /// The one-line description `skillgate --help` lists.
    static let summary = "Create a new skill package from the starter template"

    /// The command's `--help` text.
    static let usage = """
        USAGE: skillgate new NAME [--path DIR] [--skillgate PATH] [--templates DIR]

        Creates DIR/NAME (default ./NAME): Package.swift depending on SkillGate by local path, the
        skill's main file, an interaction model and manifest (skill-package/), a Replay folder
        with conversations and expectations, and a test target (Tests/) that sends requests through
        SkillGate's in-process tester and replays Replay/, so `swift test` checks it all. Prints
        the commands to build, test and try it from where you are.

        OPTIONS:
          --path DIR                 Where to create the package folder (default: the current folder).
          --skillgate PATH           The SkillGate checkout to depend on (default: the checkout the
                                     Templates folder belongs to).
          --templates DIR            The Templates folder.

        EXIT CODES: 0 created, 2 usage error, the folder already exists, or a file cannot be written.
        """

    /// The options `new` takes, for "did you mean".
    static let options = ["--path", "--skillgate", "--templates", "--help"]

    /// What to do next, as commands that work from the current folder: the folder to go to, and
    /// how to build, test and try the skill (with this `skillgate`, wherever it is).
    static func nextSteps(generator: StarterGenerator, destination: String, files: Int, checkout: String) -> String {
        let absolute = FileSystem.absolute(destination)
        let here = FileSystem.absolute(".")
        let folder = absolute.hasPrefix(here + "/") ? String(absolute.dropFirst(here.count + 1)) : absolute
        let name = generator.name
        let skillgate = ShellWords.skillgate(environment: ProcessInfo.processInfo.environment)
        let skillID = generator.fills["skillId"] ?? ""
        return """
            Created \(generator.skillName) in \(folder) (\(files) files), depending on SkillGate at \(checkout).
            Next:
              cd \(ShellWords.quote(folder))
              swift build                 # the skill: .build/debug/\(name)
              swift test                  # Tests/: requests in-process, and every conversation in Replay/
              \(skillgate) request utter "my name is Sam" --skill-id \(skillID) | .build/debug/\(name) stdio
              \(skillgate) replay Replay --exec ".build/debug/\(name) stdio --lines"
              \(skillgate) lint --model skill-package/interactionModels/custom/en-US.json --exec .build/debug/\(name)

            """
    }

    /// Runs the command.
    /// - Parameter arguments: the arguments after the command name.
    /// - Returns: the exit code: 0 success, 1 a check failed, 2 usage or I/O error.
    static func run(_ arguments: [String]) async -> Int32 {
        if arguments.contains("--help") || arguments.contains("-h") {
            Console.out(usage + "\n")
            return 0
        }
        do throws(CLIError) {
            var scanner = ArgumentScanner(arguments, failure: CLIError.usage)
            var name: String?
            var parent = "."
            var skillgate: String?
            var templates: String?
            while let argument = scanner.next() {
                switch argument {
                case "--path": parent = try scanner.value(for: argument)
                case "--skillgate": skillgate = try scanner.value(for: argument)
                case "--templates": templates = try scanner.value(for: argument)
                case _ where argument.hasPrefix("-") && argument.count > 1: throw scanner.unknown(argument, known: options)
                default:
                    guard name == nil else { throw .usage("unexpected argument '\(argument)'") }
                    name = argument
                }
            }
            guard let name else { throw .usage("say the new skill's name, e.g. skillgate new coffee-shop") }
            let templatesDirectory = FileSystem.absolute(
                try TemplateLocator.locate(explicit: templates, environment: ProcessInfo.processInfo.environment))
            let checkout = FileSystem.absolute(skillgate ?? FileSystem.directory(of: templatesDirectory))
            guard FileSystem.exists(checkout + "/Package.swift") else {
                throw .usage("\(checkout) is not a SkillGate checkout (no Package.swift); pass --skillgate PATH")
            }
            let generator = try StarterGenerator(name: name, skillgatePath: checkout)
            let destination = (parent.hasSuffix("/") ? parent : parent + "/") + name
            let files = try generator.generate(from: templatesDirectory + "/starter", into: destination)
            Console.out(nextSteps(generator: generator, destination: destination, files: files.count, checkout: checkout))
            return 0
        } catch {
            return Console.fail("new", error)
        }
    }
}

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
        skill's main file, an interaction model and manifest (skill-package/), and a Replay folder
        with conversations and expectations.

        OPTIONS:
          --path DIR                 Where to create the package folder (default: the current folder).
          --skillgate PATH           The SkillGate checkout to depend on (default: the checkout the
                                     Templates folder belongs to).
          --templates DIR            The Templates folder.
        """

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
                case _ where argument.hasPrefix("-") && argument.count > 1: throw .usage("unknown option '\(argument)'")
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
            Console.out(
                """
                Created \(generator.skillName) in \(destination) (\(files.count) files), depending on SkillGate at \(checkout).
                Next:
                  cd \(destination)
                  swift build
                  skillgate replay Replay --exec ".build/debug/\(name) stdio --lines"
                  skillgate lint --model skill-package/interactionModels/custom/en-US.json --exec .build/debug/\(name)

                """)
            return 0
        } catch {
            Console.error("skillgate new: \(error.message)")
            if error.kind == .usage { Console.error("\n" + usage) }
            return CLIError.exitCode
        }
    }
}

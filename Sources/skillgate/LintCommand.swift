import SkillGateReplay
import Foundation
import SkillGateSystem

/// `skillgate lint`: compares an interaction model with the skill's `routes --json` and exits 1
/// when an intent has no route, a route has no intent, or a required built-in is missing.
enum LintCommand {
    /// The one-line description `skillgate --help` lists.
    static let summary = "Check an interaction model against the skill's routes"

    /// The command's `--help` text.
    static let usage = """
        USAGE: skillgate lint --model PATH --exec "CMD"

        Runs `CMD routes --json` and compares the route table with the interaction model:
        intents with no route, routes with no intent in the model (AMAZON.* included), the
        built-ins every skill needs (Help, Stop, Cancel, Fallback, NavigateHome) in the model
        and routed, and a Launch route. It also finds what fails a model build or certification:
        a custom intent with no sample utterances, a {slot} in a sample (or slot sample) that the
        intent does not declare, a slot type that is neither defined in the model nor an AMAZON.
        built-in, and the same sample twice in one intent or in two intents (compared lowercased,
        without punctuation, with any slot name matching any other).

        OPTIONS:
          --model PATH               An interaction model (skill-package/interactionModels/custom/en-US.json)
                                     or a folder of them (every locale is checked).
          --exec "CMD"               The skill's command, e.g. .build/debug/ride-hailer.
          --no-color                 No colors (also NO_COLOR=1; there are none unless stdout is a terminal).

        EXIT CODES: 0 no problems, 1 problems listed, 2 usage or I/O error.
        """

    /// Runs the command.
    /// - Parameter arguments: the arguments after the command name.
    /// - Returns: the exit code: 0 success, 1 a check failed, 2 usage or I/O error.
    static func run(_ arguments: [String]) async -> Int32 {
        if arguments.contains("--help") || arguments.contains("-h") {
            Console.out(usage + "\n")
            return 0
        }
        var arguments = arguments
        let colors = TerminalColors(arguments: &arguments, environment: ProcessInfo.processInfo.environment)
        do throws(CLIError) {
            let (modelPath, command) = try parse(arguments)
            let models: [String]
            if FileSystem.isDirectory(modelPath) {
                models = try FileSystem.files(under: modelPath).filter { $0.hasSuffix(".json") }
                if models.isEmpty { throw .usage("\(modelPath) holds no .json interaction models") }
            } else {
                models = [modelPath]
            }
            let routes = try await SkillRoutes(command: command, environment: ProcessInfo.processInfo.environment)
            var total = 0
            for path in models {
                let model = try InteractionModel(path: path)
                let problems = ModelLinter.problems(model: model, routes: routes)
                total += problems.count
                let linked = routes.intents.filter { $0.linking == "required" }.count
                var text =
                    "\(path): \(model.intents.count) intents in the model; \(routes.skill): \(routes.intents.count) intent routes (\(linked) require linking)\n"
                for problem in problems { text += "  problem: \(problem)\n" }
                Console.out(colors.paint(text))
            }
            Console.out(colors.paint(total == 0 ? "lint: no problems\n" : "lint: \(total) problem\(total == 1 ? "" : "s")\n"))
            return total == 0 ? 0 : 1
        } catch {
            return Console.fail("lint", error)
        }
    }

    /// The options `lint` takes, for "did you mean".
    static let options = ["--model", "--exec", "--no-color", "--help"]

    private static func parse(_ arguments: [String]) throws(CLIError) -> (model: String, command: String) {
        var scanner = ArgumentScanner(arguments, failure: CLIError.usage)
        var model: String?
        var command: String?
        while let argument = scanner.next() {
            switch argument {
            case "--model": model = try scanner.value(for: argument)
            case "--exec": command = try scanner.value(for: argument)
            default: throw scanner.unknown(argument, known: options)
            }
        }
        guard let model else { throw .usage("--model PATH is required") }
        guard let command else { throw .usage("--exec \"CMD\" is required") }
        guard FileSystem.exists(model) else { throw .usage("--model \(model) does not exist") }
        return (model, command)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

extension Skill {
    /// The entry point of a skill binary (mark the skill `@main`): runs `stdio`, `serve`,
    /// `lambda` or `routes` from the command line; `--help` lists the options. Environment
    /// variables (`SKILL_ID`, `PORT`, `LOG_LEVEL`, `AWS_LAMBDA_RUNTIME_API`, `SKILLGATE_NO_VERIFY`)
    /// are read here and nowhere else.
    public static func main() async {
        ProcessSignals.resetTermination()
        let arguments = Array(CommandLine.arguments.dropFirst())
        let program = CommandLine.arguments.first.map { String($0.split(separator: "/").last ?? "skill") } ?? "skill"
        let code = await SkillMain.run(
            Self(), program: program, arguments: arguments, environment: ProcessEnvironment.read(), handlesSignals: true)
        exit(code)
    }
}

/// Runs a skill binary's command; returns the process exit code.
public enum SkillMain {
    /// Runs the command line against a skill.
    /// - Parameters:
    ///   - skill: the skill.
    ///   - program: the program name for messages.
    ///   - arguments: the arguments after the program name.
    ///   - environment: the process environment.
    ///   - handlesSignals: whether SIGTERM/SIGINT stop `lambda` gracefully (`serve` always drains
    ///     on them). Signal dispositions are process-wide, and children spawned meanwhile inherit
    ///     them: leave it `false` when running a mode inside a test process.
    /// - Returns: the exit code: 0, 64 (usage), 65 (bad input), 70 (failure), 78 (configuration).
    public static func run(
        _ skill: some Skill, program: String, arguments: [String], environment: [String: String], handlesSignals: Bool = false
    ) async -> Int32 {
        let options: CommandLineOptions
        do {
            options = try CommandLineOptions.parse(arguments, environment: environment)
        } catch {
            StandardStreams.printError("\(program): \(error.message)\n\(CommandLineOptions.usage(program: program))")
            return 64
        }
        if case .help = options.command {
            StandardStreams.print(CommandLineOptions.usage(program: program) + "\n")
            return 0
        }
        let logger = Logger(label: program, logLevel: options.logLevel)
        let runner: SkillRunner
        do {
            runner = try SkillRunner(skill: skill, options: runnerOptions(for: options), logger: logger)
        } catch {
            StandardStreams.printError("\(program): the skill's routes are invalid: \(error.message)")
            if options.command == .lambda { await LambdaMode.reportInitError(error, environment: environment, logger: logger) }
            return 78
        }
        if runner.applicationIDs.isEmpty, options.command != .routes(json: true), options.command != .routes(json: false) {
            logger.warning("no skill ID configured: the applicationId check is off (set one in code, with --skill-id or SKILL_ID)")
        }
        switch options.command {
        case .stdio(let lines):
            let mode = StdioMode(runner: runner, program: program)
            return lines ? await mode.runLines() : await mode.runSingle()
        case .routes(let json):
            if json {
                StandardStreams.write(RoutesMode.json(runner) + [UInt8(ascii: "\n")], to: 1)
            } else {
                StandardStreams.print(RoutesMode.text(runner))
            }
            return 0
        case .serve(let host, let port, let path, let verify):
            return await ServeMode(runner: runner, logger: logger, environment: environment)
                .run(host: host, port: port, path: path, verify: verify)
        case .lambda:
            return await LambdaMode(runner: runner, logger: logger, environment: environment, handlesSignals: handlesSignals).run()
        case .help:
            return 0
        }
    }

    static func runnerOptions(for options: CommandLineOptions) -> RunnerOptions {
        var runnerOptions = RunnerOptions(applicationIDs: options.skillIDs)
        switch options.command {
        case .serve(_, _, _, let verify):
            // Below Alexa's 8 s: a slow handler gets the spoken apology, answered with HTTP 200.
            runnerOptions.checksTimestamp = options.checksTimestamp ?? verify
            runnerOptions.handlerTimeout = .seconds(7)
        case .lambda:
            runnerOptions.checksTimestamp = options.checksTimestamp ?? false
            runnerOptions.handlerTimeout = .milliseconds(6500)
        default:
            runnerOptions.checksTimestamp = options.checksTimestamp ?? false
        }
        return runnerOptions
    }
}

/// Process-wide signal set-up done once in `main()`.
enum ProcessSignals {
    /// A parent may start us with SIGTERM/SIGINT blocked or ignored (both are inherited across
    /// exec): restore the defaults, so the process stops on them and `serve` and `lambda` can
    /// install their graceful handling.
    static func resetTermination() {
        signal(SIGTERM, SIG_DFL)
        signal(SIGINT, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGTERM)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}

/// Reads the process environment once, in `main()`.
enum ProcessEnvironment {
    static func read() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }
}

import SkillGateCore
import SkillGateLambda
import SkillGateLogging
public import SkillGateSystem

#if HTTPEndpoint
    import SkillGateEndpoint
#endif

extension Skill {
    /// The entry point of a skill binary (mark the skill `@main`): runs `stdio`, `serve`,
    /// `lambda` or `routes` from the command line; `--help` lists the options. Environment
    /// variables (`SKILL_ID`, `PORT`, `LOG_LEVEL`, `LOG_FORMAT`, `AWS_LAMBDA_RUNTIME_API`, `SKILLGATE_NO_VERIFY`)
    /// are read here and nowhere else, and only here are signal handlers installed.
    public static func main() async {
        ProcessSignals.resetForMain()
        let arguments = Array(CommandLine.arguments.dropFirst())
        let program = CommandLine.arguments.first.map { String($0.split(separator: "/").last ?? "skill") } ?? "skill"
        let shutdown = GracefulShutdown()
        let signals = TerminationSignals { name in shutdown.trigger(reason: "received \(name)") }
        let code = await SkillMain.run(
            Self(), program: program, arguments: arguments, environment: ProcessEnvironment.read(), shutdown: shutdown)
        signals.cancel()
        ProcessSignals.exit(code)
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
    ///   - shutdown: stops `serve` (after draining) and `lambda` when triggered; `main()` triggers
    ///     it on SIGTERM/SIGINT, a test may trigger it itself. Nothing here installs signal handlers.
    /// - Returns: the exit code: 0, 64 (usage), 65 (bad input), 70 (failure), 78 (configuration).
    public static func run(
        _ skill: some Skill, program: String, arguments: [String], environment: [String: String],
        shutdown: GracefulShutdown = GracefulShutdown()
    ) async -> Int32 {
        let options: CommandLineOptions
        do {
            options = try CommandLineOptions.parse(arguments, environment: environment)
        } catch {
            StandardStreams.printError(ArgumentSuggestion.usageLine(command: program, message: error.message))
            return 64
        }
        if case .help = options.command {
            StandardStreams.print(CommandLineOptions.usage(program: program) + "\n")
            return 0
        }
        let logger = Logger(label: program, logLevel: options.logLevel, format: options.logFormat)
        let runner: SkillRunner
        do {
            var runnerOptions = options.runnerOptions
            runnerOptions.alexaAPI.transport = DefaultAlexaAPITransport.make()
            runner = try SkillRunner(skill: skill, options: runnerOptions, logger: logger)
        } catch {
            logger.reportFailure("the skill's routes are invalid: \(error.message)")
            if options.command == .lambda { await LambdaMode.reportInitError(error, environment: environment, logger: logger) }
            return 78
        }
        if runner.applicationIDs.isEmpty, options.command != .routes(json: true), options.command != .routes(json: false) {
            logger.warning("no skill ID configured: the applicationId check is off (set one in code, with --skill-id or SKILL_ID)")
        }
        switch options.command {
        case .stdio(let lines):
            return await StdioMode.run(runner, lines: lines)
        case .routes(let json):
            if json {
                StandardStreams.write(RoutesMode.json(runner) + [UInt8(ascii: "\n")], to: 1)
            } else {
                StandardStreams.print(RoutesMode.text(runner))
            }
            return 0
        case .serve(let host, let port, let path, let verify):
            #if HTTPEndpoint
                return await ServeMode(ModeContext(runner: runner, logger: logger, environment: environment, shutdown: shutdown))
                    .run(host: host, port: port, path: path, verify: verify, maxConnectionsPerClient: options.maxConnectionsPerClient)
            #else
                _ = (host, port, path, verify)
                StandardStreams.printError(
                    "\(program): serve is not part of this build: the SkillGate package trait HTTPEndpoint is off (turn it on to get the HTTP endpoint)"
                )
                return 64
            #endif
        case .lambda:
            return await LambdaMode(ModeContext(runner: runner, logger: logger, environment: environment, shutdown: shutdown)).run()
        case .help:
            return 0
        }
    }
}

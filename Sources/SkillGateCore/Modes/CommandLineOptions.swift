import SkillGateSystem

/// The parsed command line of a skill binary: `stdio`, `serve`, `routes` or `lambda`, plus options.
/// Environment variables are read by ``Skill/main()`` and passed in as ``environment``.
package struct CommandLineOptions: Equatable {
    /// What the binary was asked to do.
    package enum Command: Equatable {
        /// Answer request envelopes on stdin; `lines`: one per line.
        case stdio(lines: Bool)
        /// Serve HTTP on `host`:`port` at `path`, verifying Alexa's signatures when `verify`.
        case serve(host: String, port: Int, path: String, verify: Bool)
        /// Print the route table, as JSON when `json`.
        case routes(json: Bool)
        /// Run as an AWS Lambda custom runtime.
        case lambda
        /// Print the usage text.
        case help
    }

    /// What to do.
    package var command: Command
    /// The skill IDs to answer for, replacing those in code; nil keeps them.
    package var skillIDs: [String]?
    /// Whether to reject stale timestamps; nil takes the command's default.
    package var checksTimestamp: Bool?
    /// The lowest level logged.
    package var logLevel: Logger.Level
    /// `serve`: the most connections from one client address; nil for the server's default.
    package var maxConnectionsPerClient: Int?
    /// How log lines are written: text or JSON.
    package var logFormat: LogFormat = .text

    /// The `--help` text.
    /// - Parameter program: the binary's name.
    /// - Returns: the text.
    package static func usage(program: String) -> String {
        """
        USAGE: \(program) <command> [options]

        COMMANDS:
          stdio [--lines]          Read one request envelope from stdin and write the response to stdout;
                                   with --lines, one envelope per line in, one JSON line per line out.
          serve [--host H] [--port P] [--path /] [--no-verify]
                                   Serve the skill over HTTP/1.1 (put TLS in front). Verifies Alexa's
                                   request signatures unless --no-verify (or SKILLGATE_NO_VERIFY=1).
                                   PORT sets the default port. --max-connections-per-client N caps
                                   one address's connections (default: half of the 1024; raise it
                                   behind a proxy, where every client has the proxy's address).
          lambda                   Run as an AWS Lambda custom runtime (the default when
                                   AWS_LAMBDA_RUNTIME_API is set).
          routes [--json]          Print the route table with each route's linking policy.

        OPTIONS:
          --skill-id ID            Answer requests for this skill ID (repeatable). Replaces the IDs in
                                   code; SKILL_ID (comma-separated) does the same.
          --check-timestamp        Reject requests more than 150 s from now (default for serve).
          --no-check-timestamp     Accept any timestamp (default for stdio and lambda).
          --log-level LEVEL        trace, debug, info, notice, warning, error or critical (LOG_LEVEL).
          --log-format FORMAT      text (the default) or json: one JSON object per log line on stderr,
                                   for CloudWatch and other collectors (LOG_FORMAT). serve, stdio, lambda.
          -h, --help               Show this help.

        An option's value goes after it (--port 8080) or after '=' (--port=8080).

        EXIT CODES: 0 success, 64 usage error, 65 bad request input (stdio), 70 the server or the
        Lambda runtime failed (e.g. the port is taken, the Runtime API stayed unreachable),
        78 configuration error (invalid routes, trust roots, AWS_LAMBDA_RUNTIME_API).
        """
    }

    /// The commands a skill binary runs.
    package static let commands = ["stdio", "serve", "routes", "lambda"]

    /// The options a skill binary takes, for "did you mean".
    package static let options = [
        "--lines", "--json", "--no-verify", "--check-timestamp", "--no-check-timestamp", "--skill-id", "--log-level", "--log-format",
        "--host", "--path", "--port", "--max-connections-per-client", "--help",
    ]

    /// The error for an argument the binary does not take: a misspelled command or option, with
    /// the closest spelling when one is near.
    private static func unknown(_ argument: String, commandGiven: Bool) -> SkillError {
        if !argument.hasPrefix("-"), !commandGiven {
            let hint =
                ArgumentSuggestion.closest(to: argument, among: commands).map { "did you mean '\($0)'?" }
                ?? "use stdio, serve, lambda or routes"
            return SkillError(.usage, "unknown command '\(argument)'; \(hint)")
        }
        return SkillError(.usage, ArgumentError.unknownOption(argument, known: options).message)
    }

    /// Parses arguments (without the program name): options as `--name value` or `--name=value`.
    /// - Parameters:
    ///   - arguments: the command line after the program name.
    ///   - environment: the process environment (`PORT`, `SKILL_ID`, `LOG_LEVEL`, `LOG_FORMAT`,
    ///     `SKILLGATE_NO_VERIFY`, `AWS_LAMBDA_RUNTIME_API`).
    /// - Returns: the options.
    /// - Throws: ``SkillError`` `.usage` with a message naming the bad argument.
    package static func parse(_ arguments: [String], environment: [String: String]) throws(SkillError) -> CommandLineOptions {
        var skillIDs: [String] = []
        var checksTimestamp: Bool?
        var logLevelName = environment["LOG_LEVEL"]
        var logFormatName = environment["LOG_FORMAT"]
        var lines = false, json = false, verify = environment["SKILLGATE_NO_VERIFY"].map { !isTruthy($0) } ?? true
        var host = "127.0.0.1", path = "/"
        var port = 8080
        var maxConnectionsPerClient: Int?
        if let value = environment["PORT"] {
            guard let parsed = Int(value), (0...65535).contains(parsed) else {
                throw SkillError(.usage, "PORT must be a port number from 0 to 65535, not '\(value)'")
            }
            port = parsed
        }
        var commandName: String?
        if environment["AWS_LAMBDA_RUNTIME_API"] != nil { commandName = "lambda" }

        var scanner = ArgumentScanner(arguments) { SkillError(.usage, $0.message) }
        var sawExplicitCommand = false
        while let argument = scanner.next() {
            switch argument {
            case _ where !sawExplicitCommand && commands.contains(argument):
                commandName = argument
                sawExplicitCommand = true
            case "-h", "--help", "help": return CommandLineOptions(command: .help, skillIDs: nil, checksTimestamp: nil, logLevel: .info)
            case "--lines":
                try scanner.flag(argument)
                lines = true
            case "--json":
                try scanner.flag(argument)
                json = true
            case "--no-verify":
                try scanner.flag(argument)
                verify = false
            case "--check-timestamp":
                try scanner.flag(argument)
                checksTimestamp = true
            case "--no-check-timestamp":
                try scanner.flag(argument)
                checksTimestamp = false
            case "--skill-id": skillIDs.append(try scanner.value(for: argument))
            case "--log-level": logLevelName = try scanner.value(for: argument)
            case "--log-format": logFormatName = try scanner.value(for: argument)
            case "--host": host = try scanner.value(for: argument)
            case "--path":
                path = try scanner.value(for: argument)
                guard path.hasPrefix("/") else { throw SkillError(.usage, "--path must start with '/', not '\(path)'") }
            case "--port":
                let text = try scanner.value(for: argument)
                guard let parsed = Int(text), (0...65535).contains(parsed) else {
                    throw SkillError(.usage, "--port must be a port number from 0 to 65535, not '\(text)'")
                }
                port = parsed
            case "--max-connections-per-client":
                let text = try scanner.value(for: argument)
                guard let parsed = Int(text), parsed >= 1 else {
                    throw SkillError(.usage, "--max-connections-per-client must be a whole number of at least 1, not '\(text)'")
                }
                maxConnectionsPerClient = parsed
            default:
                throw unknown(argument, commandGiven: sawExplicitCommand)
            }
        }
        if skillIDs.isEmpty, let fromEnvironment = environment["SKILL_ID"] {
            skillIDs = fromEnvironment.split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
        }
        var logLevel = Logger.Level.info
        if let logLevelName {
            guard let level = Logger.Level(name: logLevelName) else {
                throw SkillError(.usage, "unknown log level '\(logLevelName)'; use trace, debug, info, notice, warning, error or critical")
            }
            logLevel = level
        }
        var logFormat = LogFormat.text
        if let logFormatName {
            guard let format = LogFormat(name: logFormatName) else {
                throw SkillError(.usage, "unknown log format '\(logFormatName)'; use text or json")
            }
            logFormat = format
        }
        let command: Command
        switch commandName {
        case "stdio": command = .stdio(lines: lines)
        case "serve": command = .serve(host: host, port: port, path: path, verify: verify)
        case "routes": command = .routes(json: json)
        case "lambda": command = .lambda
        default: throw SkillError(.usage, "missing command: use stdio, serve, lambda or routes")
        }
        return CommandLineOptions(
            command: command, skillIDs: skillIDs.isEmpty ? nil : skillIDs, checksTimestamp: checksTimestamp, logLevel: logLevel,
            maxConnectionsPerClient: maxConnectionsPerClient, logFormat: logFormat)
    }

    private static func isTruthy(_ value: String) -> Bool {
        ["1", "true", "yes", "on"].contains(value.lowercased())
    }
}

extension String {
    /// The string without leading and trailing whitespace.
    package func trimmingSpaces() -> String {
        var slice = self[...]
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return String(slice)
    }
}

extension CommandLineOptions {
    /// The runner's request checks and deadline for the chosen command: the timestamp check is on
    /// for `serve` unless verification is off, off for `stdio` and `lambda`; `serve` answers a
    /// slow handler with the spoken apology after 7 s and `lambda` after 6.5 s, inside Alexa's 8 s.
    package var runnerOptions: RunnerOptions {
        var runnerOptions = RunnerOptions(applicationIDs: skillIDs)
        switch command {
        case .serve(_, _, _, let verify):
            // Below Alexa's 8 s: a slow handler gets the spoken apology, answered with HTTP 200.
            runnerOptions.checksTimestamp = checksTimestamp ?? verify
            runnerOptions.handlerTimeout = .seconds(7)
        case .lambda:
            runnerOptions.checksTimestamp = checksTimestamp ?? false
            runnerOptions.handlerTimeout = .milliseconds(6500)
        default:
            runnerOptions.checksTimestamp = checksTimestamp ?? false
        }
        return runnerOptions
    }
}

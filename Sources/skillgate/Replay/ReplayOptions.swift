import SkillGateReplay
import SkillGateSystem

/// The parsed `skillgate replay` command line.
struct ReplayOptions {
    /// Files and folders to replay, in the order given.
    var paths: [String] = []
    /// `--exec "CMD ARGS"`: the skill's stdio command.
    var exec: String?
    /// `--exec-mode auto|once|lines`: how the command is run.
    var execMode = ExecMode.auto
    /// `--url http://host:port/path`: a running endpoint.
    var url: String?
    /// `--sign-with KEY`: sign each body with this RSA key.
    var signingKey: String?
    /// `--cert-chain PEM`: the development chain the endpoint serves, checked before replaying.
    var certificateChain: String?
    /// `--cert-url URL`: the `SignatureCertChainUrl` header value.
    var certificateURL: String?
    /// `--timeout SECONDS`: how long to wait for each answer.
    var timeout: Duration = .seconds(10)
    /// What the replay does besides sending: `--update`, `--templates`, `--quiet`, ...
    var settings = ReplaySettings()

    /// The options `replay` takes, for "did you mean".
    static let options = [
        "--exec", "--exec-mode", "--url", "--sign-with", "--cert-chain", "--cert-url", "--templates", "--model", "--timeout",
        "--update", "--dry-run", "--refresh-timestamps", "--quiet", "--no-color", "--help",
    ]

    /// Parses the arguments after `replay`.
    /// - Parameters:
    ///   - arguments: the arguments.
    ///   - environment: the process environment.
    /// - Returns: the options.
    /// - Throws: ``CLIError`` `.usage` for a bad or contradictory command line.
    static func parse(_ arguments: [String], environment: [String: String]) throws(CLIError) -> ReplayOptions {
        var options = ReplayOptions()
        options.settings.environment = environment
        var scanner = ArgumentScanner(arguments, failure: CLIError.usage)
        while let argument = scanner.next() {
            switch argument {
            case "--exec": options.exec = try scanner.value(for: argument)
            case "--exec-mode": options.execMode = try ExecMode.parse(try scanner.value(for: argument))
            case "--url": options.url = try scanner.value(for: argument)
            case "--sign-with": options.signingKey = try scanner.value(for: argument)
            case "--cert-chain": options.certificateChain = try scanner.value(for: argument)
            case "--cert-url": options.certificateURL = try scanner.value(for: argument)
            case "--templates": options.settings.templates = try scanner.value(for: argument)
            case "--model": options.settings.model = try scanner.value(for: argument)
            case "--timeout":
                let text = try scanner.value(for: argument)
                guard let seconds = Double(text), seconds > 0, seconds <= 3600 else {
                    throw .usage("--timeout needs a number of seconds, not '\(text)'")
                }
                options.timeout = .milliseconds(Int(seconds * 1000))
            case "--update":
                try scanner.flag(argument)
                options.settings.update = true
            case "--dry-run":
                try scanner.flag(argument)
                options.settings.dryRun = true
            case "--refresh-timestamps":
                try scanner.flag(argument)
                options.settings.refreshTimestamps = true
            case "--quiet", "-q":
                try scanner.flag(argument)
                options.settings.quiet = true
            case _ where argument.hasPrefix("-") && argument.count > 1:
                throw scanner.unknown(argument, known: Self.options)
            default:
                options.paths.append(argument)
            }
        }
        try options.validate()
        return options
    }

    private func validate() throws(CLIError) {
        if paths.isEmpty { throw .usage("say what to replay: one or more request files, conversations or folders") }
        switch (exec, url) {
        case (nil, nil): throw .usage("say where the skill is: --exec \"CMD ARGS\" or --url http://host:port/path")
        case (.some, .some): throw .usage("--exec and --url contradict each other; pick one")
        default: break
        }
        if settings.dryRun && !settings.update { throw .usage("--dry-run goes with --update: it shows what --update would change") }
        if execMode != .auto && exec == nil { throw .usage("--exec-mode goes with --exec") }
        if signingKey != nil && url == nil { throw .usage("--sign-with needs --url: only an HTTP endpoint verifies signatures") }
        if signingKey == nil && (certificateChain != nil || certificateURL != nil) {
            throw .usage("--cert-chain and --cert-url go with --sign-with KEY")
        }
    }
}

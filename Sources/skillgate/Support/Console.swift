import SkillGateReplay
import SkillGateSystem

/// Writes to the standard streams: results on stdout, messages on stderr.
enum Console {
    /// Writes a line to stderr through ``SkillGateSystem/StandardStreams`` (unbuffered, so it is
    /// never lost or reordered at exit).
    /// - Parameter text: the line, without its newline.
    static func error(_ text: String) {
        StandardStreams.printError(text)
    }

    /// Writes text to stdout through the same buffer as `print`, which the rest of the CLI's
    /// stdout goes through too (so the order stays as written).
    /// - Parameter text: the text, newline included when wanted.
    static func out(_ text: String) {
        print(text, terminator: "")
    }
}

extension Console {
    /// The exit code of a usage error (and of any other error that stops a command): 2.
    static let usageExitCode = CLIError.exitCode

    /// Reports a bad command line the Unix way: one line on stderr naming the problem and
    /// pointing at the command's `--help` (not the whole usage text).
    /// - Parameters:
    ///   - command: the subcommand, e.g. `lint`.
    ///   - message: what is wrong.
    /// - Returns: ``usageExitCode``.
    static func usageError(_ command: String, _ message: String) -> Int32 {
        error(ArgumentSuggestion.usageLine(command: "skillgate \(command)", message: message))
        return usageExitCode
    }

    /// Reports an error that stops a command: a usage error as ``usageError(_:_:)``, anything
    /// else as `skillgate COMMAND: MESSAGE`.
    /// - Parameters:
    ///   - command: the subcommand.
    ///   - failure: what went wrong.
    /// - Returns: ``CLIError/exitCode``.
    static func fail(_ command: String, _ failure: CLIError) -> Int32 {
        if failure.kind == .usage { return usageError(command, failure.message) }
        error("skillgate \(command): \(failure.message)")
        return CLIError.exitCode
    }
}

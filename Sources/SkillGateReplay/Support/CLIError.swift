package import SkillGateSystem

/// A failure that ends a `skillgate` command with a message on stderr and exit code 2.
///
/// Mismatches and lint problems are not errors (they exit 1 after a report); this is for what
/// stops a command from doing its job at all: a bad command line, a file that cannot be read or
/// parsed, a skill that cannot be started or reached.
package struct CLIError: Error, CustomStringConvertible {
    /// What kind of failure, for the message's prefix.
    package enum Kind {
        /// The command line is wrong; the usage text is shown with the message.
        case usage
        /// A file failed to read, parse or write.
        case io
        /// The skill could not be started or reached, or stopped answering: nothing more can run.
        case transport
    }

    /// What kind of failure.
    package let kind: Kind
    /// A sentence a person can act on.
    package let message: String

    /// A bad command line.
    /// - Parameter message: what is wrong and how to fix it.
    package static func usage(_ message: String) -> CLIError { CLIError(kind: .usage, message: message) }

    /// A command line ``ArgumentScanner`` could not read.
    /// - Parameter error: the scanner's error.
    package static func usage(_ error: ArgumentError) -> CLIError { .usage(error.message) }

    /// A file, process or network failure.
    /// - Parameter message: what failed and what to check.
    package static func io(_ message: String) -> CLIError { CLIError(kind: .io, message: message) }

    /// The skill cannot be reached or stopped answering.
    /// - Parameter message: what failed and what to check.
    package static func transport(_ message: String) -> CLIError { CLIError(kind: .transport, message: message) }

    /// The message.
    package var description: String { message }

    /// Exit code for every `CLIError`.
    package static let exitCode: Int32 = 2
}

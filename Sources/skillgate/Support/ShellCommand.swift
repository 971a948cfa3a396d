import Foundation

/// Runs a command line under `/bin/sh -c` to completion and captures its stdout; its stderr
/// passes through to ours.
enum ShellCommand {
    /// The exit status and everything written to stdout.
    struct Output {
        /// The exit status (128 + N when killed by signal N).
        let status: Int32
        /// The captured stdout.
        let stdout: [UInt8]
    }

    /// Runs a command with no input.
    /// - Parameters:
    ///   - command: the command line.
    ///   - timeout: how long it may run before it is terminated.
    /// - Returns: its status and output.
    /// - Throws: ``CLIError`` `.transport` when it cannot start or does not finish in time.
    static func run(_ command: String, timeout: Duration = .seconds(30)) throws(CLIError) -> Output {
        var environment = ProcessInfo.processInfo.environment
        if environment["LOG_LEVEL"] == nil { environment["LOG_LEVEL"] = "warning" }
        let child = try Subprocess(command: command, environment: environment)
        child.closeStdin()
        let deadline = ContinuousClock.now + timeout
        var output: [UInt8] = []
        while true {
            guard let chunk = child.read(until: deadline) else {
                child.terminate()
                throw .transport("`\(command)` did not finish within \(timeout); it was terminated")
            }
            if chunk.isEmpty { break }
            output += chunk
        }
        let remaining = ContinuousClock.now.duration(to: deadline)
        guard let status = child.wait(timeout: max(remaining, .milliseconds(100))) else {
            child.terminate()
            throw .transport("`\(command)` did not exit within \(timeout) after closing its output; it was terminated")
        }
        return Output(status: status, stdout: output)
    }
}

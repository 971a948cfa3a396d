#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// A child process started with `posix_spawn`: the one way this package runs another program.
///
/// The child starts with an empty signal mask and default handling of `SIGPIPE`, `SIGTERM`,
/// `SIGINT` and `SIGHUP` (whatever this process blocks or ignores), and inherits no descriptor
/// but its standard streams. Each stream is inherited, a pipe to us, `/dev/null` or a descriptor
/// of ours (see ``Redirection``). Every wait, read and write takes a deadline; the `async`
/// variants do their blocking on a thread of their own, never on Swift's cooperative pool.
///
/// A `Subprocess` that goes away while its child still runs kills it (`SIGKILL`) and reaps it.
public final class Subprocess: Sendable {
    /// Where one of the child's standard streams goes.
    public enum Redirection: Sendable, Equatable {
        /// The child shares this process's stream.
        case inherit
        /// A pipe to this process: write with ``write(_:until:)``, read with
        /// ``readStandardOutput(until:)`` and ``readStandardError(until:)``.
        case pipe
        /// `/dev/null`.
        case nullDevice
        /// A descriptor of this process (e.g. 2, to send the child's output to our stderr).
        case descriptor(Int32)
    }

    /// The child's process ID (also its process group ID when started in a group of its own).
    public let processIdentifier: Int32
    /// Whether ``signal(_:)`` reaches the child's whole process group.
    public let ownsProcessGroup: Bool
    /// Our end of the child's stdout pipe, or -1.
    let standardOutputDescriptor: Int32
    /// Our end of the child's stderr pipe, or -1.
    let standardErrorDescriptor: Int32
    /// Our end of the child's stdin pipe; -1 when there is none or once closed.
    let standardInputDescriptor: Mutex<Int32>
    /// The exit status once reaped.
    let reapedStatus: Mutex<Int32?>

    /// Starts `executable` with `arguments` (`argv[0]` is `executable` itself).
    /// - Parameters:
    ///   - executable: the program's path (not searched on `PATH`: see ``which(_:searchPath:)``).
    ///   - arguments: its arguments.
    ///   - environment: its environment; nil passes this process's on.
    ///   - workingDirectory: the folder it starts in; nil keeps ours.
    ///   - standardInput: where its stdin comes from.
    ///   - standardOutput: where its stdout goes.
    ///   - standardError: where its stderr goes.
    ///   - ownProcessGroup: start it in a process group of its own, so ``signal(_:)`` also
    ///     reaches what it starts (and a terminal's Ctrl-C does not).
    /// - Throws: ``SubprocessError`` when a pipe cannot be made or the program cannot start.
    public init(
        _ executable: String, arguments: [String] = [], environment: [String: String]? = nil, workingDirectory: String? = nil,
        standardInput: Redirection = .inherit, standardOutput: Redirection = .inherit, standardError: Redirection = .inherit,
        ownProcessGroup: Bool = false
    ) throws(SubprocessError) {
        let spawned = try Spawner.spawn(
            executable, arguments: arguments, environment: environment, workingDirectory: workingDirectory,
            redirections: [standardInput, standardOutput, standardError], ownProcessGroup: ownProcessGroup)
        processIdentifier = spawned.pid
        ownsProcessGroup = ownProcessGroup
        standardInputDescriptor = Mutex(spawned.parentEnds[0])
        standardOutputDescriptor = spawned.parentEnds[1]
        standardErrorDescriptor = spawned.parentEnds[2]
        reapedStatus = Mutex(nil)
    }

    /// Starts `/bin/sh -c command`, in a process group of its own unless told otherwise, so
    /// ``terminate(grace:)`` ends the shell and what it started.
    /// - Parameters:
    ///   - command: the command line.
    ///   - environment: the shell's environment; nil passes this process's on.
    ///   - workingDirectory: the folder it starts in; nil keeps ours.
    ///   - standardInput: where its stdin comes from.
    ///   - standardOutput: where its stdout goes.
    ///   - standardError: where its stderr goes.
    ///   - ownProcessGroup: as in ``init(_:arguments:environment:workingDirectory:standardInput:standardOutput:standardError:ownProcessGroup:)``.
    /// - Throws: ``SubprocessError`` when a pipe cannot be made or the shell cannot start.
    public convenience init(
        shell command: String, environment: [String: String]? = nil, workingDirectory: String? = nil,
        standardInput: Redirection = .inherit, standardOutput: Redirection = .inherit, standardError: Redirection = .inherit,
        ownProcessGroup: Bool = true
    ) throws(SubprocessError) {
        try self.init(
            "/bin/sh", arguments: ["-c", command], environment: environment, workingDirectory: workingDirectory,
            standardInput: standardInput, standardOutput: standardOutput, standardError: standardError, ownProcessGroup: ownProcessGroup)
    }

    deinit {
        closeStandardInput()
        for descriptor in [standardOutputDescriptor, standardErrorDescriptor] where descriptor >= 0 { close(descriptor) }
        reapedStatus.withLock { status in
            guard status == nil else { return }
            kill(ownsProcessGroup ? -processIdentifier : processIdentifier, SIGKILL)
            var raw: Int32 = 0
            while waitpid(processIdentifier, &raw, 0) < 0 && errno == EINTR {}
            status = Self.decodeStatus(raw)
        }
    }

    /// The exit status once the child has exited: its exit code, or 128 + N when signal N
    /// killed it (-1 if it could not be reaped); nil while it runs. Never blocks.
    public var exitStatus: Int32? {
        reapedStatus.withLock { status in
            if status == nil {
                var raw: Int32 = 0
                let reaped = waitpid(processIdentifier, &raw, WNOHANG)
                if reaped == processIdentifier {
                    status = Self.decodeStatus(raw)
                } else if reaped < 0 && errno != EINTR {
                    status = -1
                }
            }
            return status
        }
    }

    /// Whether the child is still running (reaps it if it has exited). Never blocks.
    public var isRunning: Bool { exitStatus == nil }

    /// Sends a signal to the child (to its whole process group if it has its own); does nothing
    /// once it has been reaped, so another process that got its ID is never signalled.
    /// - Parameter signalNumber: e.g. `SIGTERM`.
    public func signal(_ signalNumber: Int32) {
        reapedStatus.withLock { status in
            if status == nil { kill(ownsProcessGroup ? -processIdentifier : processIdentifier, signalNumber) }
        }
    }

    /// Closes the child's stdin pipe, so it reads end of input. Safe to call more than once.
    public func closeStandardInput() {
        standardInputDescriptor.withLock { descriptor in
            if descriptor >= 0 {
                close(descriptor)
                descriptor = -1
            }
        }
    }

    /// A `waitpid` status as an exit status: the exit code, or 128 + the signal number.
    static func decodeStatus(_ raw: Int32) -> Int32 {
        raw & 0x7f == 0 ? (raw >> 8) & 0xff : 128 + (raw & 0x7f)
    }
}

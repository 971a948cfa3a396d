#if canImport(Glibc)
    import Glibc
#endif

/// A child process running `/bin/sh -c COMMAND`, started with `posix_spawn` in its own process
/// group, with default signal handling and an empty signal mask, so `SIGTERM` reaches it whatever
/// this process blocks or ignores. stdin and stdout are pipes to us; stderr is shared with ours.
final class Subprocess {
    /// The child's process ID (also its process group ID).
    let pid: pid_t
    /// Our end of the child's stdin; -1 once closed.
    private(set) var stdinFD: Int32
    /// Our end of the child's stdout.
    let stdoutFD: Int32
    /// The exit status once reaped: the exit code, or 128 + the signal number.
    private(set) var exitStatus: Int32?

    /// Starts `/bin/sh -c command`.
    /// - Parameters:
    ///   - command: the command line.
    ///   - environment: the child's environment.
    /// - Throws: ``CLIError`` `.transport` when pipes cannot be made or the shell cannot start.
    init(command: String, environment: [String: String]) throws(CLIError) {
        var input: [Int32] = [-1, -1]
        var output: [Int32] = [-1, -1]
        guard pipe(&input) == 0 else { throw .transport("cannot create a pipe: \(Subprocess.errorText())") }
        guard pipe(&output) == 0 else {
            close(input[0])
            close(input[1])
            throw .transport("cannot create a pipe: \(Subprocess.errorText())")
        }
        // Close-on-exec everywhere: the child gets only the dup2'd copies as fds 0 and 1.
        for descriptor in input + output { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signalNumber in [SIGPIPE, SIGTERM, SIGINT, SIGHUP] { sigaddset(&defaults, signalNumber) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        let argumentTexts: [String] = ["/bin/sh", "-c", command]
        let arguments = argumentTexts.map { text in strdup(text) }
        let variables = environment.map { entry in strdup(entry.key + "=" + entry.value) }
        defer {
            for pointer in arguments + variables { free(pointer) }
        }
        var childPID: pid_t = 0
        let result = posix_spawn(&childPID, "/bin/sh", &actions, &attributes, arguments + [nil], variables + [nil])
        close(input[0])
        close(output[1])
        guard result == 0 else {
            close(input[1])
            close(output[0])
            throw .transport("cannot start /bin/sh -c \"\(command)\": \(String(cString: strerror(result)))")
        }
        pid = childPID
        stdinFD = input[1]
        stdoutFD = output[0]
    }

    deinit {
        closeStdin()
        close(stdoutFD)
        if exitStatus == nil {
            kill(-pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
    }

    /// Closes the child's stdin, so it sees end of input.
    func closeStdin() {
        if stdinFD >= 0 {
            close(stdinFD)
            stdinFD = -1
        }
    }

    /// Sends a signal to the child's whole process group (the shell and what it started).
    /// - Parameter signalNumber: e.g. `SIGTERM`.
    func signal(_ signalNumber: Int32) {
        if exitStatus == nil { kill(-pid, signalNumber) }
    }

    /// Waits for the child to exit.
    /// - Parameter timeout: the longest to wait.
    /// - Returns: the exit status, or nil if it is still running.
    func wait(timeout: Duration) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while exitStatus == nil {
            var status: Int32 = 0
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid {
                exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            } else if reaped < 0 && errno != EINTR {
                exitStatus = -1
            } else if ContinuousClock.now >= deadline {
                return nil
            } else {
                usleep(5_000)
            }
        }
        return exitStatus
    }

    /// Ends the child: `SIGTERM`, then `SIGKILL` if it is still there after `grace`.
    /// - Parameter grace: how long to wait after `SIGTERM`.
    /// - Returns: the exit status.
    @discardableResult
    func terminate(grace: Duration = .seconds(2)) -> Int32? {
        signal(SIGTERM)
        if let status = wait(timeout: grace) { return status }
        signal(SIGKILL)
        return wait(timeout: .seconds(5))
    }

    /// Writes all bytes to the child's stdin.
    /// - Parameter bytes: the bytes.
    /// - Returns: false when the child no longer reads (EPIPE) or stdin is closed.
    func writeAll(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            guard stdinFD >= 0 else { return false }
            let written = bytes[offset...].withUnsafeBytes { write(stdinFD, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    /// Reads what is available on the child's stdout, waiting until `deadline`.
    /// - Parameter deadline: when to give up.
    /// - Returns: bytes read; empty at end of output; nil when the deadline passed first.
    func read(until deadline: ContinuousClock.Instant) -> [UInt8]? {
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { return nil }
            var poller = pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0)
            let milliseconds = remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000 + 1
            let ready = poll(&poller, 1, Int32(clamping: milliseconds))
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(stdoutFD, $0.baseAddress, $0.count) }
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            return count > 0 ? Array(chunk[..<count]) : []
        }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}

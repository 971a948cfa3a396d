#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

extension Subprocess {
    /// What a program that ran to completion left behind.
    public struct Output: Sendable, Equatable {
        /// The exit status: the exit code, or 128 + N when signal N killed it.
        public let status: Int32
        /// Everything it wrote to stdout (empty unless stdout was a pipe).
        public let standardOutput: [UInt8]
        /// Everything it wrote to stderr (empty unless stderr was a pipe).
        public let standardError: [UInt8]
    }

    /// Runs a program to completion: feeds it `input`, collects its piped output, and terminates
    /// it (``terminate(grace:)``) if it does not finish within `timeout`. Blocks the calling thread.
    /// - Parameters:
    ///   - executable: the program's path.
    ///   - arguments: its arguments.
    ///   - environment: its environment; nil passes this process's on.
    ///   - workingDirectory: the folder it starts in; nil keeps ours.
    ///   - input: bytes for its stdin, which is then closed; nil gives it `/dev/null`.
    ///   - standardOutput: where its stdout goes (`.pipe` collects it).
    ///   - standardError: where its stderr goes (`.pipe` collects it).
    ///   - ownProcessGroup: start it in a process group of its own.
    ///   - timeout: how long it may run.
    /// - Returns: its status and collected output.
    /// - Throws: ``SubprocessError`` when it cannot start or does not finish in time.
    public static func run(
        _ executable: String, arguments: [String] = [], environment: [String: String]? = nil, workingDirectory: String? = nil,
        input: [UInt8]? = nil, standardOutput: Redirection = .pipe, standardError: Redirection = .pipe, ownProcessGroup: Bool = false,
        timeout: Duration
    ) throws(SubprocessError) -> Output {
        let deadline = ContinuousClock.now + timeout
        let child = try Subprocess(
            executable, arguments: arguments, environment: environment, workingDirectory: workingDirectory,
            standardInput: input == nil ? .nullDevice : .pipe, standardOutput: standardOutput, standardError: standardError,
            ownProcessGroup: ownProcessGroup)
        let timedOut = SubprocessError(
            .timedOut, "\(SubprocessError.commandLine(executable, arguments)) did not finish within \(timeout); it was terminated")
        guard let streams = child.communicate(input ?? [], until: deadline) else {
            child.terminate()
            throw timedOut
        }
        guard let status = child.wait(timeout: max(ContinuousClock.now.duration(to: deadline), .milliseconds(100))) else {
            child.terminate()
            throw timedOut
        }
        return Output(status: status, standardOutput: streams.output, standardError: streams.error)
    }

    /// ``run(_:arguments:environment:workingDirectory:input:standardOutput:standardError:ownProcessGroup:timeout:)``
    /// on a thread of its own.
    /// - Parameters: as the blocking variant.
    /// - Returns: its status and collected output.
    /// - Throws: ``SubprocessError`` when it cannot start or does not finish in time.
    public static func run(
        _ executable: String, arguments: [String] = [], environment: [String: String]? = nil, workingDirectory: String? = nil,
        input: [UInt8]? = nil, standardOutput: Redirection = .pipe, standardError: Redirection = .pipe, ownProcessGroup: Bool = false,
        timeout: Duration
    ) async throws(SubprocessError) -> Output {
        try await OffPool.run { () throws(SubprocessError) -> Output in
            try run(
                executable, arguments: arguments, environment: environment, workingDirectory: workingDirectory, input: input,
                standardOutput: standardOutput, standardError: standardError, ownProcessGroup: ownProcessGroup, timeout: timeout)
        }
    }

    /// Runs `/bin/sh -c command` to completion, in a process group of its own; see
    /// ``run(_:arguments:environment:workingDirectory:input:standardOutput:standardError:ownProcessGroup:timeout:)``.
    /// - Parameters:
    ///   - command: the command line.
    ///   - environment: the shell's environment; nil passes this process's on.
    ///   - input: bytes for its stdin, which is then closed; nil gives it `/dev/null`.
    ///   - standardOutput: where its stdout goes (`.pipe` collects it).
    ///   - standardError: where its stderr goes (`.pipe` collects it).
    ///   - timeout: how long it may run.
    /// - Returns: its status and collected output.
    /// - Throws: ``SubprocessError`` when it cannot start or does not finish in time.
    public static func run(
        shell command: String, environment: [String: String]? = nil, input: [UInt8]? = nil, standardOutput: Redirection = .pipe,
        standardError: Redirection = .pipe, timeout: Duration
    ) throws(SubprocessError) -> Output {
        try run(
            "/bin/sh", arguments: ["-c", command], environment: environment, input: input, standardOutput: standardOutput,
            standardError: standardError, ownProcessGroup: true, timeout: timeout)
    }

    /// ``run(shell:environment:input:standardOutput:standardError:timeout:)`` on a thread of its own.
    /// - Parameters: as the blocking variant.
    /// - Returns: its status and collected output.
    /// - Throws: ``SubprocessError`` when it cannot start or does not finish in time.
    public static func run(
        shell command: String, environment: [String: String]? = nil, input: [UInt8]? = nil, standardOutput: Redirection = .pipe,
        standardError: Redirection = .pipe, timeout: Duration
    ) async throws(SubprocessError) -> Output {
        try await run(
            "/bin/sh", arguments: ["-c", command], environment: environment, input: input, standardOutput: standardOutput,
            standardError: standardError, ownProcessGroup: true, timeout: timeout)
    }

    /// Writes `input` to stdin (then closes it) while draining stdout and stderr, until both end.
    /// Once the child has exited, output still held open by something it started is drained for
    /// at most 2 s more.
    /// - Returns: the collected output, or nil when `deadline` passed first.
    func communicate(_ input: [UInt8], until deadline: ContinuousClock.Instant) -> (output: [UInt8], error: [UInt8])? {
        var stdin = standardInputDescriptor.withLock { descriptor in
            defer { descriptor = -1 }
            return descriptor
        }
        defer { if stdin >= 0 { close(stdin) } }
        var pending = input[...]
        if pending.isEmpty && stdin >= 0 {
            close(stdin)
            stdin = -1
        }
        var readers = [standardOutputDescriptor, standardErrorDescriptor]
        var collected: [[UInt8]] = [[], []]
        var scratch = [UInt8](repeating: 0, count: PipeIO.chunkSize)
        var exitedAt: ContinuousClock.Instant?
        while stdin >= 0 || readers.contains(where: { $0 >= 0 }) {
            guard let remaining = PipeIO.milliseconds(until: deadline) else { return nil }
            if exitedAt == nil && exitStatus != nil { exitedAt = .now }
            if let exitedAt, exitedAt.duration(to: .now) > .seconds(2) { break }
            var pollers = ([stdin] + readers).enumerated().map { index, descriptor in
                pollfd(fd: descriptor, events: Int16(index == 0 ? POLLOUT : POLLIN), revents: 0)
            }
            let ready = poll(&pollers, nfds_t(pollers.count), min(remaining, 100))
            guard ready > 0 else { continue }
            if stdin >= 0 && pollers[0].revents != 0 {
                let written = PipeIO.writeSome(pending, to: stdin)
                if written > 0 { pending = pending.dropFirst(written) }
                if pending.isEmpty || (written < 0 && errno != EAGAIN && errno != EINTR) {
                    close(stdin)
                    stdin = -1
                }
            }
            for index in readers.indices where readers[index] >= 0 && pollers[index + 1].revents != 0 {
                let count = PipeIO.readSome(from: readers[index], into: &scratch)
                if count > 0 {
                    collected[index] += scratch[..<count]
                } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                    readers[index] = -1
                }
            }
        }
        return (collected[0], collected[1])
    }
}

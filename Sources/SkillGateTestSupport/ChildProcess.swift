public import Foundation

/// Runs a program — typically a skill binary or `skillgate` built by this package — as a real
/// child process, for end-to-end tests.
///
/// Every blocking step (writing stdin, draining the pipes, waiting for exit) happens on threads
/// of its own, never on Swift concurrency's cooperative pool: that pool has one thread per core,
/// and parallel tests that block it starve each other.
public enum ChildProcess {
    /// What a finished process left behind.
    public struct Output: Sendable, CustomStringConvertible {
        /// The exit status.
        public let status: Int32
        /// Everything written to standard output.
        public let stdout: String
        /// Everything written to standard error.
        public let stderr: String

        /// Status and both streams, for failure messages.
        public var description: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
    }

    /// A process that could not be run, or did not finish in time.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        public let description: String

        /// Creates a failure.
        /// - Parameter description: what went wrong.
        public init(description: String) { self.description = description }
    }

    /// The folder holding this package's built products: the nearest folder at or above the
    /// running test bundle that contains `marker`.
    /// - Parameter marker: the name of an executable the package builds, e.g. `ride-hailer`.
    public static func productsDirectory(containing marker: String) -> URL {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent(marker).path) { return directory }
            directory = directory.deletingLastPathComponent()
        }
        return executable.deletingLastPathComponent()
    }

    /// The first `name` on `PATH` (then the sbin folders), or nil.
    /// - Parameter name: a command name such as `openssl` or `nginx`.
    public static func which(_ name: String) -> String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") + ":/usr/sbin:/sbin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a program to completion, feeding `input` on stdin; it is killed after `timeout`.
    /// - Parameters:
    ///   - program: the executable's path.
    ///   - arguments: its arguments.
    ///   - input: bytes for its standard input (then closed).
    ///   - environment: variables added to this process's environment (`LOG_LEVEL` defaults to `warning`).
    ///   - directory: the working directory, if not this one.
    ///   - timeout: seconds before the process is terminated and ``Failure`` thrown.
    /// - Throws: ``Failure`` when it cannot start or does not finish in time.
    public static func run(
        _ program: String, _ arguments: [String], input: [UInt8] = [], environment: [String: String] = [:], directory: String? = nil,
        timeout: TimeInterval = 120
    ) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(
                    with: Result {
                        try runBlocking(program, arguments, input: input, environment: environment, directory: directory, timeout: timeout)
                    })
            }
        }
    }

    /// ``run(_:_:input:environment:directory:timeout:)`` on the calling thread.
    public static func runBlocking(
        _ program: String, _ arguments: [String], input: [UInt8] = [], environment: [String: String] = [:], directory: String? = nil,
        timeout: TimeInterval = 120
    ) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        merged["LOG_LEVEL"] = merged["LOG_LEVEL"] ?? "warning"
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            throw Failure(description: "could not start \(program): \(error)")
        }
        let outData = Locked(Data()), errData = Locked(Data())
        let drained = DispatchGroup()
        for (pipe, box) in [(stdout, outData), (stderr, errData)] {
            drained.enter()
            Thread.detachNewThread {
                box.set(pipe.fileHandleForReading.readDataToEndOfFile())
                drained.leave()
            }
        }
        stdin.fileHandleForWriting.write(Data(input))
        try? stdin.fileHandleForWriting.close()
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = exited.wait(timeout: .now() + 5)
            throw Failure(description: "\(program) \(arguments.joined(separator: " ")) did not finish within \(Int(timeout)) s")
        }
        _ = drained.wait(timeout: .now() + 10)
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData.get(), as: UTF8.self),
            stderr: String(decoding: errData.get(), as: UTF8.self))
    }
}

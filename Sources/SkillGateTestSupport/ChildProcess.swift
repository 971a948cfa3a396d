#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
public import Foundation
import SkillGateSystem

/// Runs a program — typically a skill binary or `skillgate` built by this package — as a real
/// child process, for end-to-end tests, through ``SkillGateSystem/Subprocess``.
///
/// Every blocking step (writing stdin, draining the pipes, waiting for exit) happens on a thread
/// of its own, never on Swift concurrency's cooperative pool: that pool has one thread per core,
/// and parallel tests that block it starve each other.
public enum ChildProcess {
    /// What a finished process left behind.
    public struct Output: Sendable, CustomStringConvertible {
        /// The exit status (128 + N when signal N killed it).
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
    /// running test binary that contains `marker`.
    /// - Parameter marker: the name of an executable the package builds, e.g. `ride-hailer`.
    public static func productsDirectory(containing marker: String) -> URL {
        let binary = URL(fileURLWithPath: testBinaryPath() ?? FileManager.default.currentDirectoryPath).resolvingSymlinksInPath()
        var directory = binary.deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent(marker).path) { return directory }
            directory = directory.deletingLastPathComponent()
        }
        return binary.deletingLastPathComponent()
    }

    /// The file this code was linked into: on Darwin the test bundle's binary (the process is
    /// Xcode's or SwiftPM's test runner, outside the build folder), elsewhere the running executable.
    private static func testBinaryPath() -> String? {
        #if canImport(Darwin)
            var information = Dl_info()
            if dladdr(#dsohandle, &information) != 0, let name = information.dli_fname { return String(cString: name) }
        #endif
        return CurrentExecutable.path()
    }

    /// The first `name` on `PATH` (then the sbin folders), or nil.
    /// - Parameter name: a command name such as `openssl` or `nginx`.
    public static func which(_ name: String) -> String? {
        Subprocess.which(name, searchPath: (ProcessEnvironment.read()["PATH"] ?? "/usr/bin:/bin") + ":/usr/sbin:/sbin")
    }

    /// Runs a program to completion, feeding `input` on stdin; it is terminated after `timeout`.
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
        do {
            return Output(
                try await Subprocess.run(
                    program, arguments: arguments, environment: childEnvironment(adding: environment), workingDirectory: directory,
                    input: input, timeout: .milliseconds(Int(timeout * 1000))))
        } catch {
            throw Failure(error, program, arguments, timeout)
        }
    }

    /// ``run(_:_:input:environment:directory:timeout:)`` on the calling thread.
    public static func runBlocking(
        _ program: String, _ arguments: [String], input: [UInt8] = [], environment: [String: String] = [:], directory: String? = nil,
        timeout: TimeInterval = 120
    ) throws -> Output {
        do {
            return Output(
                try Subprocess.run(
                    program, arguments: arguments, environment: childEnvironment(adding: environment), workingDirectory: directory,
                    input: input, timeout: .milliseconds(Int(timeout * 1000))))
        } catch {
            throw Failure(error, program, arguments, timeout)
        }
    }

    /// This process's environment plus `additions`, with `LOG_LEVEL` defaulting to `warning`.
    static func childEnvironment(adding additions: [String: String]) -> [String: String] {
        var merged = ProcessEnvironment.read()
        merged["LOG_LEVEL"] = merged["LOG_LEVEL"] ?? "warning"
        merged.merge(additions) { _, added in added }
        return merged
    }
}

extension ChildProcess.Output {
    /// The collected output as text.
    init(_ output: Subprocess.Output) {
        self.init(
            status: output.status, stdout: String(decoding: output.standardOutput, as: UTF8.self),
            stderr: String(decoding: output.standardError, as: UTF8.self))
    }
}

extension ChildProcess.Failure {
    /// A start or timeout failure, in the words tests have always printed.
    init(_ error: SubprocessError, _ program: String, _ arguments: [String], _ timeout: TimeInterval) {
        switch error.kind {
        case .cannotStart: self.init(description: "could not start \(program): \(error)")
        case .timedOut: self.init(description: "\(program) \(arguments.joined(separator: " ")) did not finish within \(Int(timeout)) s")
        }
    }
}

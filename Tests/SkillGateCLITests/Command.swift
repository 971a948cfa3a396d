import Foundation

/// Runs the package's built executables (`skillgate`, `ride-hailer`) as real child processes.
enum Command {
    /// What a finished process left behind.
    struct Output: CustomStringConvertible {
        let status: Int32
        let stdout: String
        let stderr: String
        var description: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
    }

    /// The folder holding the built products (beside the test bundle).
    static let productsDirectory: URL = {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("skillgate").path) { return directory }
            directory = directory.deletingLastPathComponent()
        }
        return executable.deletingLastPathComponent()
    }()

    /// The path of a built executable.
    static func path(_ name: String) -> String { productsDirectory.appendingPathComponent(name).path }

    /// The package checkout (holding Samples/ and Templates/), symlinks resolved.
    static let checkout: String = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The sample's replay folder.
    static var rideHailerReplay: String { checkout + "/Samples/RideHailer/Replay" }

    /// `--exec` for the sample over stdio.
    static var rideHailerExec: String { "\(path("ride-hailer")) stdio --lines" }

    /// Runs `skillgate` with arguments.
    static func skillgate(_ arguments: [String], environment: [String: String] = [:], directory: String? = nil, timeout: TimeInterval = 60)
        async throws -> Output
    {
        try await run(path("skillgate"), arguments, environment: environment, directory: directory, timeout: timeout)
    }

    /// Runs a program to completion (killed after `timeout`), feeding `input` on stdin. The
    /// blocking waits happen on a thread of their own, never on Swift concurrency's small
    /// cooperative pool, which the parallel tests share.
    static func run(
        _ program: String, _ arguments: [String], input: [UInt8] = [], environment: [String: String] = [:], directory: String? = nil,
        timeout: TimeInterval = 60
    ) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result {
                    try runBlocking(program, arguments, input: input, environment: environment, directory: directory, timeout: timeout)
                })
            }
        }
    }

    /// ``run(_:_:input:environment:directory:timeout:)`` on the calling thread.
    static func runBlocking(
        _ program: String, _ arguments: [String], input: [UInt8] = [], environment: [String: String] = [:], directory: String? = nil,
        timeout: TimeInterval = 60
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
        try process.run()
        let outData = Locked(Data()), errData = Locked(Data())
        let group = DispatchGroup()
        for (pipe, box) in [(stdout, outData), (stderr, errData)] {
            group.enter()
            Thread.detachNewThread {
                box.set(pipe.fileHandleForReading.readDataToEndOfFile())
                group.leave()
            }
        }
        stdin.fileHandleForWriting.write(Data(input))
        try? stdin.fileHandleForWriting.close()
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = exited.wait(timeout: .now() + 5)
            throw CommandError("\(program) \(arguments.joined(separator: " ")) did not finish within \(Int(timeout)) s")
        }
        _ = group.wait(timeout: .now() + 10)
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData.get(), as: UTF8.self),
            stderr: String(decoding: errData.get(), as: UTF8.self))
    }

    /// The first path of `name` on PATH, or nil.
    static func which(_ name: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

struct CommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A lock-protected box for handing values across threads in tests.
/// `@unchecked Sendable` is safe: every access to `value` goes through `lock`.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
    func get() -> Value { lock.withLock { value } }
    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&value) } }
}

/// A temporary folder removed when the test ends.
final class TemporaryFolder {
    let path: String
    init(_ label: String = "skillgate-cli") throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Copies a file or folder in; returns the copy's path.
    @discardableResult
    func copy(_ source: String, as name: String? = nil) throws -> String {
        // Resolved first: copying a symlink would copy the link, and edits would reach the original.
        let resolved = URL(fileURLWithPath: source).resolvingSymlinksInPath().path
        let target = path + "/" + (name ?? URL(fileURLWithPath: resolved).lastPathComponent)
        try FileManager.default.copyItem(atPath: resolved, toPath: target)
        return target
    }

    /// Writes a text file; returns its path.
    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        let target = path + "/" + name
        try FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: target).deletingLastPathComponent().path, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: target))
        return target
    }

    func read(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path + "/" + name)), as: UTF8.self)
    }
}

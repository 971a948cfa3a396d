import Foundation

/// Runs a built executable of this package as a real child process.
///
/// Everything that blocks (writing stdin, reading the pipes, waiting for exit) happens on its own
/// threads, never on Swift concurrency's cooperative pool: the pool has one thread per core, and
/// tests run in parallel.
enum ChildProcess {
    struct Output: Sendable {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The folder holding the package's built products (beside the test bundle).
    static let productsDirectory: URL = {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("ride-hailer").path) { return directory }
            directory = directory.deletingLastPathComponent()
        }
        return executable.deletingLastPathComponent()
    }()

    static func executable(_ name: String) -> URL { productsDirectory.appendingPathComponent(name) }

    /// Runs `name` with `arguments`, feeding `input` on stdin, and waits for it to exit.
    static func run(_ name: String, _ arguments: [String], input: [UInt8] = [], environment: [String: String] = [:]) async throws -> Output {
        try await runAbsolute(executable(name).path, arguments, input: input, environment: environment)
    }

    /// Runs the program at `path`.
    static func runAbsolute(_ path: String, _ arguments: [String], input: [UInt8] = [], environment: [String: String] = [:]) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try runBlocking(path, arguments, input: input, environment: environment) })
            }
        }
    }

    private static func runBlocking(_ path: String, _ arguments: [String], input: [UInt8], environment: [String: String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        merged["LOG_LEVEL"] = merged["LOG_LEVEL"] ?? "warning"
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let done = DispatchGroup()
        let errorData = Locked<Data>(Data())
        done.enter()
        Thread.detachNewThread {
            stdin.fileHandleForWriting.write(Data(input))
            try? stdin.fileHandleForWriting.close()
            done.leave()
        }
        done.enter()
        Thread.detachNewThread {
            errorData.set(stderr.fileHandleForReading.readDataToEndOfFile())
            done.leave()
        }
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errorData.get(), as: UTF8.self))
    }
}

/// A tiny lock-protected box for handing data across threads in tests.
final class Locked<Value>: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
    func get() -> Value { lock.withLock { value } }
    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&value) } }
}

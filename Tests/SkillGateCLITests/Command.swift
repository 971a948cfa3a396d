import Foundation
import SkillGateTestSupport

/// Runs the package's built executables (`skillgate`, `ride-hailer`) as real child processes.
enum Command {
    /// What a finished process left behind.
    typealias Output = ChildProcess.Output

    /// The folder holding the built products (beside the test bundle).
    static let productsDirectory = ChildProcess.productsDirectory(containing: "skillgate")

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

    /// The environment giving the sample its own database in `folder`, so replays that run at the
    /// same time do not share remembered rides.
    static func sampleDatabase(in folder: TemporaryFolder) -> [String: String] {
        ["RIDE_HAILER_DATABASE": folder.path + "/ride-hailer.sqlite"]
    }

    /// Runs `skillgate` with arguments.
    static func skillgate(_ arguments: [String], environment: [String: String] = [:], directory: String? = nil, timeout: TimeInterval = 60)
        async throws -> Output
    {
        try await run(path("skillgate"), arguments, environment: environment, directory: directory, timeout: timeout)
    }

    /// Runs a program to completion (killed after `timeout`), feeding `input` on stdin.
    static func run(
        _ program: String, _ arguments: [String], input: [UInt8] = [], environment: [String: String] = [:], directory: String? = nil,
        timeout: TimeInterval = 60
    ) async throws -> Output {
        try await ChildProcess.run(program, arguments, input: input, environment: environment, directory: directory, timeout: timeout)
    }

    /// The first path of `name` on PATH, or nil.
    static func which(_ name: String) -> String? { ChildProcess.which(name) }
}

struct CommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
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

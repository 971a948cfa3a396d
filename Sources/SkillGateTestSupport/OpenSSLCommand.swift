public import Foundation
package import SkillGateSystem

/// Runs the `openssl` command line in one folder and reads or writes files there: how tests make
/// throw-away certificate authorities, certificates and keys.
public struct OpenSSLCommand: Sendable {
    /// The folder the commands run in.
    public let folder: URL
    private let executable: String

    /// Prepares to run `openssl` in `folder`.
    /// - Parameter folder: an existing folder.
    /// - Throws: ``ChildProcess/Failure`` when `openssl` is not on `PATH`.
    public init(folder: URL) throws {
        guard let path = ChildProcess.which("openssl") else {
            throw ChildProcess.Failure(description: "the openssl command is not on PATH")
        }
        self.folder = folder
        self.executable = path
    }

    /// Makes a fresh temporary folder holding `config` as ``SkillGateSystem/OpenSSLStep/configFile``
    /// (and the empty database `openssl ca` needs, when the config has one), runs `body` with
    /// `openssl` in it, and removes the folder.
    /// - Parameters:
    ///   - prefix: the start of the folder's name, e.g. `skillgate-tls`.
    ///   - config: the profiles the steps use.
    ///   - body: the openssl steps and reads.
    /// - Returns: what `body` returns.
    /// - Throws: ``ChildProcess/Failure`` when `openssl` is missing or fails; file errors.
    package static func inTemporaryFolder<Made>(
        _ prefix: String, config: OpenSSLConfig, _ body: (OpenSSLCommand) throws -> Made
    ) throws -> Made {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let openssl = try OpenSSLCommand(folder: folder)
        try openssl.write(config.text, to: OpenSSLStep.configFile)
        if let database = config.database {
            try openssl.write("", to: database.index)
            try openssl.write("1000\n", to: database.serialFile)
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(database.certificatesFolder), withIntermediateDirectories: true)
        }
        return try body(openssl)
    }

    /// Makes something once per test process on a thread of its own: openssl runs block for a second
    /// or two, and must not hold a thread of the cooperative pool that parallel tests share.
    /// - Parameter make: the generation.
    /// - Returns: the task tests await.
    package static func once<Made: Sendable>(_ make: @escaping @Sendable () throws -> Made) -> Task<Made, any Error> {
        Task {
            try await withCheckedThrowingContinuation { continuation in
                Thread.detachNewThread { continuation.resume(with: Result { try make() }) }
            }
        }
    }

    /// Runs `openssl` with `arguments` to completion.
    /// - Parameter arguments: e.g. `["req", "-x509", …]`.
    /// - Throws: ``ChildProcess/Failure`` naming the command and openssl's own message when it fails.
    public func run(_ arguments: [String]) throws {
        let output = try ChildProcess.runBlocking(executable, arguments, directory: folder.path)
        guard output.status == 0 else {
            throw ChildProcess.Failure(description: "openssl \(arguments.joined(separator: " ")) failed: \(output.stderr)")
        }
    }

    /// Writes text to a file in the folder.
    /// - Parameters:
    ///   - text: the contents.
    ///   - name: the file name.
    public func write(_ text: String, to name: String) throws { try write(Array(text.utf8), to: name) }

    /// Writes bytes to a file in the folder.
    /// - Parameters:
    ///   - bytes: the contents.
    ///   - name: the file name.
    public func write(_ bytes: [UInt8], to name: String) throws {
        try Data(bytes).write(to: folder.appendingPathComponent(name))
    }

    /// Reads a file in the folder.
    /// - Parameter name: the file name.
    public func read(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }
}

public import Foundation

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

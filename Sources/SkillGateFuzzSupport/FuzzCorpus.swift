import Foundation

/// Seed inputs and corpus folders for the fuzz harnesses.
///
/// The seeds are read at run time, never copied into the repository: the Ride Hailer sample's
/// replay requests, and the real-world request corpus at `$SKILLGATE_REALWORLD/requests` (by
/// default `../shared/realworld/requests` beside the checkout) when it is present.
public enum FuzzCorpus {
    /// The checkout this harness was built from.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The folders the default seeds come from (those that exist).
    public static var seedFolders: [String] {
        let realworld =
            ProcessInfo.processInfo.environment["SKILLGATE_REALWORLD"].map { URL(fileURLWithPath: $0) }
            ?? packageRoot.deletingLastPathComponent().appendingPathComponent("shared/realworld")
        let folders = [
            packageRoot.appendingPathComponent("Samples/RideHailer/Replay/requests").path,
            realworld.appendingPathComponent("requests").path,
        ]
        return folders.filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }

    /// Every request body in ``seedFolders``, in a stable order.
    public static func requestBodies() -> [[UInt8]] {
        seedFolders.flatMap(files(at:))
    }

    /// The contents of a file, or of every regular file in a folder (not recursive), sorted by name.
    /// - Parameter path: a file or folder.
    /// - Returns: the contents; empty when nothing can be read.
    public static func files(at path: String) -> [[UInt8]] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return manager.contents(atPath: path).map { [Array($0)] } ?? [] }
        let names = (try? manager.contentsOfDirectory(atPath: path))?.sorted() ?? []
        return names.compactMap { name in
            let file = URL(fileURLWithPath: path).appendingPathComponent(name).path
            var nested: ObjCBool = false
            guard manager.fileExists(atPath: file, isDirectory: &nested), !nested.boolValue else { return nil }
            return manager.contents(atPath: file).map { Array($0) }
        }
    }

    /// Creates `directory` if needed and, when it is empty, writes `seeds` into it (`seed-0001`, …),
    /// so libFuzzer starts from them and keeps what it finds beside them.
    /// - Parameters:
    ///   - directory: libFuzzer's corpus folder (its first argument).
    ///   - seeds: the inputs to start from.
    public static func seed(directory: String, with seeds: [[UInt8]]) {
        let manager = FileManager.default
        try? manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        guard (try? manager.contentsOfDirectory(atPath: directory))?.isEmpty == true else { return }
        for (index, seed) in seeds.enumerated() {
            let name = "seed-" + String(repeating: "0", count: max(0, 4 - String(index + 1).count)) + String(index + 1)
            _ = manager.createFile(atPath: URL(fileURLWithPath: directory).appendingPathComponent(name).path, contents: Data(seed))
        }
    }
}

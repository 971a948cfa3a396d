import Foundation

/// A fresh folder for one test's database file, removed when the test ends.
final class TemporaryDatabase {
    let folder: String
    let path: String

    init(_ label: String = "skillgate-sqlite") throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = folder + "/attributes.sqlite"
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }
}

import Foundation
import SkillGateModel

/// Reads the JSON fixtures beside this file.
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static func envelope(_ name: String) throws -> RequestEnvelope {
        try RequestEnvelope(jsonBytes: bytes(name))
    }
}

import Foundation
import SkillGateSystem

/// The release products built beside `skillgate-bench`.
enum BenchProducts {
    /// The path of `name` in the folder holding this executable.
    /// - Parameter name: a product name, e.g. `ride-hailer`.
    static func sibling(_ name: String) -> URL {
        let executable = URL(fileURLWithPath: CurrentExecutable.path() ?? FileManager.default.currentDirectoryPath)
        return executable.deletingLastPathComponent().appendingPathComponent(name)
    }
}

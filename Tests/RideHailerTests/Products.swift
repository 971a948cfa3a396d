import Foundation
import SkillGateTestSupport

/// The package's built executables, beside the test bundle.
enum Products {
    static let directory = ChildProcess.productsDirectory(containing: "ride-hailer")

    /// The path of a built executable.
    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
}

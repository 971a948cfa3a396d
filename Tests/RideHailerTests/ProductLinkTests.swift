import Foundation
import SkillGateModel
import SkillGateSystem
import SkillGateTestSupport
import Testing

/// Every library product links on its own: a package with one executable per product, each
/// depending on that product alone, builds and runs (the hardening issue's item 17).
@Suite("each library product links on its own")
struct ProductLinkTests {
    static let packageRoot = CoreOnlyBuildTests.packageRoot

    /// The library products, read from the manifest so new products are covered without edits.
    static func libraryProducts(swift: String) async throws -> [String] {
        let dump = try await ChildProcess.run(
            swift, ["package", "--package-path", packageRoot, "--scratch-path", packageRoot + "/.build-products/dump", "dump-package"],
            timeout: 300)
        try #require(dump.status == 0, "\(dump)")
        let manifest = try JSONParser.parse(dump.stdout)
        return (manifest["products"]?.arrayValue ?? []).compactMap { product in
            product["type"]?["library"] == nil ? nil : product["name"]?.stringValue
        }
    }

    @Test(
        "a consumer executable per library product builds and runs (one build: slow)",
        .enabled(if: ChildProcess.which("swift") != nil, "needs the swift toolchain on PATH"))
    func eachProductLinks() async throws {
        let swift = try #require(ChildProcess.which("swift"))
        let products = try await Self.libraryProducts(swift: swift)
        #expect(products.contains("SkillGateModel") && products.contains("SkillGate"), "\(products)")
        let consumer = Self.packageRoot + "/.build-products/consumer"
        try? FileManager.default.removeItem(atPath: consumer + "/Sources")
        var targets: [String] = []
        for product in products {
            let name = "Use" + product
            let folder = consumer + "/Sources/" + name
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try "import \(product)\nprint(\"\(product) links\")\n".write(toFile: folder + "/main.swift", atomically: true, encoding: .utf8)
            targets.append(
                "        .executableTarget(name: \"\(name)\", dependencies: [.product(name: \"\(product)\", package: \"SkillGate\")]),")
        }
        let manifest = """
            // swift-tools-version:6.1
            import PackageDescription
            let package = Package(
                name: "Consumer", platforms: [.macOS(.v15)],
                dependencies: [.package(name: "SkillGate", path: "\(Self.packageRoot)")],
                targets: [
            \(targets.joined(separator: "\n"))
                ])
            """
        try manifest.write(toFile: consumer + "/Package.swift", atomically: true, encoding: .utf8)
        let scratch = Self.packageRoot + "/.build-products/build"
        let build = try await ChildProcess.run(
            swift, ["build", "--package-path", consumer, "--scratch-path", scratch], timeout: 1500)
        try #require(build.status == 0, "\(build)")
        for product in products {
            let run = try await ChildProcess.run(scratch + "/debug/Use" + product, [])
            #expect(run.status == 0 && run.stdout == "\(product) links\n", "\(product): \(run)")
        }
    }
}

import Foundation
import SkillGateTestSupport
import Testing

/// `skillgate package-lambda` builds zips whose `bootstrap` starts on Lambda's provided.al2023:
/// no symbol version newer than glibc 2.34 (checked with `objdump -T`), the static Swift runtime
/// kept; a binary that would not start there is refused and leaves no zip behind.
@Suite(.enabled(if: LambdaTools.missing.isEmpty, "package-lambda tests skipped: \(LambdaTools.missing) not found"))
struct PackageLambdaTests {
    /// The build folder the tests share, so the slow release build happens once (a folder of its
    /// own: `swift test` may hold the lock on the package's `.build`).
    static var scratch: String { Command.checkout + "/.build-lambda" }

    /// The highest version with `prefix` in `objdump -T binary`, e.g. [2, 34].
    static func newestVersion(_ prefix: String, in binary: String) async throws -> [Int] {
        let listing = try await Command.run(try #require(ChildProcess.which("objdump")), ["-T", binary])
        try #require(listing.status == 0, "\(listing)")
        var newest: [Int] = []
        for line in listing.stdout.split(separator: "\n") {
            guard let start = line.range(of: "(" + prefix), let end = line[start.upperBound...].firstIndex(of: ")") else { continue }
            let version = line[start.upperBound..<end].split(separator: ".").compactMap { Int($0) }
            if newest.lexicographicallyPrecedes(version) { newest = version }
        }
        return newest
    }

    /// `objdump -T` lines naming a symbol version newer than provided.al2023 has.
    static func tooNew(in binary: String) async throws -> [String] {
        let listing = try await Command.run(try #require(ChildProcess.which("objdump")), ["-T", binary])
        return listing.stdout.split(separator: "\n").map(String.init).filter {
            $0.range(of: #"\((GLIBC_2\.(3[5-9]|[4-9][0-9])|GLIBCXX_3\.4\.(3[0-9])|CXXABI_1\.3\.(1[4-9]))"#, options: .regularExpression)
                != nil
        }
    }

    @Test("the Ride Hailer zip: bootstrap needs glibc 2.34 at most, keeps the static Swift runtime, and answers (one release build: slow)")
    func rideHailerZip() async throws {
        let folder = try TemporaryFolder()
        let zip = folder.path + "/ride-hailer.zip"
        let packaged = try await Command.skillgate(
            [
                "package-lambda", "--product", "ride-hailer", "--package-path", Command.checkout, "--scratch-path", Self.scratch,
                "--output", zip,
            ],
            timeout: 2400)
        try #require(packaged.status == 0, "\(packaged)")
        #expect(packaged.stdout.contains("checked: bootstrap needs glibc 2.34 at most"), "\(packaged)")
        #expect(FileManager.default.fileExists(atPath: zip))

        var bootstrap = Self.scratch + "/release/ride-hailer"
        if let unzip = ChildProcess.which("unzip") {
            let unpacked = try await Command.run(unzip, ["-q", zip, "-d", folder.path + "/unpacked"])
            try #require(unpacked.status == 0, "\(unpacked)")
            bootstrap = folder.path + "/unpacked/bootstrap"
            #expect(FileManager.default.fileExists(atPath: folder.path + "/unpacked/accounts.json"))
        }
        let glibc = try await Self.newestVersion("GLIBC_", in: bootstrap)
        #expect(!glibc.isEmpty && !([2, 34].lexicographicallyPrecedes(glibc)), "bootstrap needs GLIBC_\(glibc)")
        let tooNew = try await Self.tooNew(in: bootstrap)
        #expect(tooNew.isEmpty, "\(tooNew)")
        // The Swift runtime is inside, not a shared library.
        let needed = try await Command.run(try #require(ChildProcess.which("objdump")), ["-p", bootstrap])
        #expect(needed.stdout.contains("NEEDED") && !needed.stdout.contains("libswiftCore"), "\(needed.stdout)")
        #expect(!needed.stdout.contains("libFoundation"), "\(needed.stdout)")

        let request = try await Command.skillgate([
            "request", "intent", "OrderRideIntent", "--slot", "destination=work", "--token", "demo-token-alice", "--skill-id",
            "amzn1.ask.skill.ride-hailer",
        ])
        try #require(request.status == 0, "\(request)")
        let answer = try await Command.run(
            bootstrap, ["stdio"], input: Array(request.stdout.utf8), environment: Command.sampleDatabase(in: folder))
        #expect(answer.status == 0, "\(answer)")
        #expect(answer.stdout.contains("Ordering"), "\(answer)")
    }

    /// A package with two executables: `pinned` calls `hypot` and `hypotf` (re-versioned in glibc
    /// 2.35) from Swift; `too-new` calls `arc4random` (new in glibc 2.36) from C, which no pin covers.
    static func fixture(in folder: TemporaryFolder) throws -> String {
        try folder.write(
            """
            // swift-tools-version:6.0
            import PackageDescription
            let package = Package(
                name: "lambda-fixture",
                products: [.executable(name: "pinned", targets: ["pinned"]), .executable(name: "too-new", targets: ["too-new"])],
                targets: [
                    .executableTarget(name: "pinned"),
                    .target(name: "CNew"),
                    .executableTarget(name: "too-new", dependencies: ["CNew"]),
                ])
            """, to: "fixture/Package.swift")
        try folder.write(
            """
            import Foundation
            // 3 with no arguments, so nothing is folded at compile time.
            let x = Double(CommandLine.arguments.count + 2), y = Float(CommandLine.arguments.count + 2)
            print(hypot(x, 4), hypotf(y, 4), JSONSerialization.isValidJSONObject(["a": 1]))
            """, to: "fixture/Sources/pinned/main.swift")
        try folder.write("#include <stdint.h>\nuint32_t fixture_random(void);\n", to: "fixture/Sources/CNew/include/CNew.h")
        try folder.write(
            "#include <stdlib.h>\n#include \"CNew.h\"\nuint32_t fixture_random(void) { return arc4random(); }\n",
            to: "fixture/Sources/CNew/CNew.c")
        try folder.write("import CNew\nprint(fixture_random() > 0 || true)\n", to: "fixture/Sources/too-new/main.swift")
        return folder.path + "/fixture"
    }

    @Test("the pins keep hypot and hypotf at their old versions and they still compute: hypot(3, 4) = 5")
    func pinsForward() async throws {
        let folder = try TemporaryFolder()
        let package = try Self.fixture(in: folder)
        let zip = folder.path + "/pinned.zip"
        let packaged = try await Command.skillgate(
            ["package-lambda", "--product", "pinned", "--package-path", package, "--output", zip], timeout: 1200)
        try #require(packaged.status == 0, "\(packaged)")
        let binary = package + "/.build/release/pinned"
        let tooNew = try await Self.tooNew(in: binary)
        #expect(tooNew.isEmpty, "\(tooNew)")
        let listing = try await Command.run(try #require(ChildProcess.which("objdump")), ["-T", binary])
        // Bound to the base version of x86_64 (2.2.5) or arm64 (2.17), not to hypot@GLIBC_2.35.
        let hypot = listing.stdout.split(separator: "\n").filter { $0.hasSuffix(" hypot") || $0.hasSuffix(" hypotf") }
        #expect(hypot.count == 2 && hypot.allSatisfy { $0.contains("(GLIBC_2.2.5)") || $0.contains("(GLIBC_2.17)") }, "\(hypot)")
        let run = try await Command.run(binary, [])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout == "5.0 5.0 true\n", "\(run)")
    }

    /// Whether this glibc has `arc4random` (2.36 and later), which the refusal test needs.
    static let glibcHasArc4random: Bool = {
        // `getconf GNU_LIBC_VERSION` prints e.g. "glibc 2.36".
        guard let getconf = ChildProcess.which("getconf"), let output = try? ChildProcess.runBlocking(getconf, ["GNU_LIBC_VERSION"]),
            output.status == 0, let version = output.stdout.split(separator: " ").last
        else { return false }
        let numbers = version.split(separator: ".").compactMap { Int($0.filter(\.isNumber)) }
        return !numbers.lexicographicallyPrecedes([2, 36])
    }()

    @Test(
        "a bootstrap that needs a symbol no pin covers is refused, exit 1, and no zip is left behind (not even an old one)",
        .enabled(if: glibcHasArc4random, "needs glibc 2.36 or later (arc4random) to build a binary that is too new"))
    func refusesWithoutZip() async throws {
        let folder = try TemporaryFolder()
        let package = try Self.fixture(in: folder)
        let zip = folder.path + "/too-new.zip"
        try folder.write("an old zip from an earlier run", to: "too-new.zip")
        let refused = try await Command.skillgate(
            ["package-lambda", "--product", "too-new", "--package-path", package, "--output", zip], timeout: 1200)
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("arc4random (GLIBC_2.36)"), "\(refused)")
        #expect(refused.stderr.contains("no zip was written"), "\(refused)")
        #expect(!FileManager.default.fileExists(atPath: zip), "a zip was left behind")
        #expect(!FileManager.default.fileExists(atPath: package + "/.build/lambda/too-new-staging"))

        let allowed = try await Command.skillgate(
            ["package-lambda", "--product", "too-new", "--package-path", package, "--output", zip, "--allow-incompatible"],
            timeout: 1200)
        #expect(allowed.status == 0, "\(allowed)")
        #expect(allowed.stdout.contains("warning (--allow-incompatible)"), "\(allowed)")
        #expect(FileManager.default.fileExists(atPath: zip))
    }
}

/// What the package-lambda tests need.
enum LambdaTools {
    /// What is missing to run them: objdump, zip, swift, or the toolchain's static SDK.
    static let missing: String = {
        var missing = ["objdump", "zip", "swift"].filter { ChildProcess.which($0) == nil }
        if let swift = ChildProcess.which("swift") {
            let toolchain = URL(fileURLWithPath: swift).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            let sdk = toolchain.appendingPathComponent("lib/swift_static/linux/static-stdlib-args.lnk").path
            if !FileManager.default.fileExists(atPath: sdk) { missing.append("the static Swift SDK (\(sdk))") }
        }
        return missing.joined(separator: ", ")
    }()
}

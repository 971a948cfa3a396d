import Foundation
import SkillGateModel
import Testing
import SkillGateTestSupport

/// `skillgate new`: the generated package builds, its replay passes and its model lints clean.
struct NewCommandTests {
    @Test("new writes every starter file with its placeholders filled")
    func generatesFiles() async throws {
        let folder = try TemporaryFolder()
        let output = try await Command.skillgate(["new", "coffee-shop", "--path", folder.path, "--skillgate", Command.checkout])
        #expect(output.status == 0, "\(output)")
        let package = folder.path + "/coffee-shop"
        for file in [
            "Package.swift", "Sources/CoffeeShop/CoffeeShop.swift", "skill-package/skill.json",
            "skill-package/interactionModels/custom/en-US.json", "Replay/hello.json", "Replay/account.json", "Replay/say.json", "README.md",
            ".gitignore", "Tests/CoffeeShopTests/CoffeeShopTests.swift",
        ] {
            let text = try String(contentsOfFile: package + "/" + file, encoding: .utf8)
            #expect(!text.contains("{{"), "\(file) still has a placeholder")
            if file.hasSuffix(".json") { _ = try JSONParser.parse(Array(text.utf8)) }
        }
        let manifest = try String(contentsOfFile: package + "/Package.swift", encoding: .utf8)
        #expect(manifest.contains("path: \"\(Command.checkout)\""))
        let model = try String(contentsOfFile: package + "/skill-package/interactionModels/custom/en-US.json", encoding: .utf8)
        #expect(model.contains("\"invocationName\": \"coffee shop\""))
        #expect(manifest.contains(".testTarget(") && manifest.contains(".product(name: \"SkillGateTesting\", package: \"SkillGate\")"))
    }

    @Test("new's next steps work from where the user stands: the folder to cd into, build, test and try")
    func nextSteps() async throws {
        let folder = try TemporaryFolder()
        let here = try await Command.skillgate(["new", "coffee-shop", "--skillgate", Command.checkout], directory: folder.path)
        #expect(here.status == 0, "\(here)")
        for line in [
            "  cd coffee-shop\n", "  swift build", "  swift test", "replay Replay --exec \".build/debug/coffee-shop stdio --lines\"",
            "request utter \"my name is Sam\" --skill-id amzn1.ask.skill.coffee-shop | .build/debug/coffee-shop stdio",
        ] {
            #expect(here.stdout.contains(line), "missing \"\(line)\" in \(here)")
        }
        let replayLine = try #require(here.stdout.split(separator: "\n").first { $0.contains(" replay Replay --exec") })
        let program = String(replayLine.drop { $0 == " " }.prefix { $0 != " " })
        #expect(
            URL(fileURLWithPath: program).resolvingSymlinksInPath()
                == URL(fileURLWithPath: Command.path("skillgate")).resolvingSymlinksInPath(),
            "this skillgate, by a path that works from anywhere: \(here)")
        try FileManager.default.createDirectory(atPath: folder.path + "/elsewhere", withIntermediateDirectories: true)
        let there = try await Command.skillgate(
            ["new", "tea-shop", "--path", folder.path + "/skills", "--skillgate", Command.checkout], directory: folder.path + "/elsewhere")
        #expect(there.status == 0, "\(there)")
        let expected = URL(fileURLWithPath: folder.path + "/skills/tea-shop").standardizedFileURL.path
        #expect(there.stdout.contains("  cd \(expected)\n"), "outside the current folder, the absolute path: \(there)")
    }

    @Test(
        "new refuses a bad name, a taken folder and a missing checkout",
        arguments: [
            (["1st-skill"], "must start with a letter"),
            (["my skill"], "must start with a letter and use only"),
            (["skill"], "which SkillGate already uses"),
            (["taken"], "already exists"),
            (["fine", "--skillgate", "/nonexistent"], "is not a SkillGate checkout"),
            ([], "say the new skill's name"),
        ])
    func refusals(arguments: [String], message: String) async throws {
        let folder = try TemporaryFolder()
        try folder.write("x", to: "taken/file")
        let output = try await Command.skillgate(["new"] + arguments + ["--path", folder.path])
        #expect(output.status == 2, "\(output)")
        #expect(output.stderr.contains(message), "\(output)")
    }

    @Test(
        "a new skill builds, its replay passes, its model lints clean and its own swift test passes (one full build: slow)",
        .enabled(if: Command.which("swift") != nil, "needs the swift toolchain on PATH"),
        .enabled(if: ProcessInfo.processInfo.environment["SKILLGATE_SKIP_BUILD_TEST"] == nil, "SKILLGATE_SKIP_BUILD_TEST is set"),
        .timeLimit(.minutes(25))
    )
    func newSkillBuildsAndReplays() async throws {
        let folder = try TemporaryFolder()
        let created = try await Command.skillgate(["new", "hello-world", "--path", folder.path, "--skillgate", Command.checkout])
        #expect(created.status == 0, "\(created)")
        let package = folder.path + "/hello-world"
        let scratch = folder.path + "/scratch"
        let swift = try #require(Command.which("swift"))
        let build = try await Command.run(swift, ["build", "--package-path", package, "--scratch-path", scratch], timeout: 900)
        try #require(build.status == 0, "\(build)")
        let binary = scratch + "/debug/hello-world"
        let replay = try await Command.skillgate(["replay", package + "/Replay", "--exec", "\(binary) stdio --lines"])
        #expect(replay.status == 0, "\(replay)")
        #expect(replay.stdout.contains("12 passed, 0 failed"), "\(replay)")
        // The package's own tests: SkillTester requests and Replay/ in-process, on the same build.
        let test = try await Command.run(swift, ["test", "--package-path", package, "--scratch-path", scratch], timeout: 1200)
        #expect(test.status == 0, "\(test)")
        #expect(test.stdout.contains("✔ Test \"every conversation in Replay/ passes\" passed"), "\(test)")
        let lint = try await Command.skillgate([
            "lint", "--model", package + "/skill-package/interactionModels/custom/en-US.json", "--exec", binary,
        ])
        #expect(lint.status == 0, "\(lint)")
    }
}

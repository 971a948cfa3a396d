import Foundation
import SkillGateTestSupport
import Testing

/// Every `--help` lists the exit codes, and the list is the truth: each code a tool is made to exit
/// with here is in its help's list, and (where every code can be produced) the list has no other.
struct ExitCodeHelpTests {
    /// The codes listed after `EXIT CODES:` (or the doctor's `Exit status:`) in a help text, up to
    /// the next blank line: each number that starts the list or follows `,`, `;` or `:`.
    static func listedCodes(in help: String) throws -> Set<Int32> {
        let start = try #require(help.range(of: "EXIT CODES:") ?? help.range(of: "Exit status:"), "no exit codes in:\n\(help)")
        let rest = help[start.upperBound...]
        let section = rest.range(of: "\n\n").map { rest[..<$0.lowerBound] } ?? rest
        let text = String(section)
        let pattern = try NSRegularExpression(pattern: #"(?:^|[:,;])\s*(\d+)\s"#)
        let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
        return Set(matches.compactMap { Range($0.range(at: 1), in: text).flatMap { Int32(text[$0]) } })
    }

    static func help(_ program: String, _ arguments: [String]) async throws -> String {
        let output = try await Command.run(program, arguments)
        #expect(output.status == 0, "\(arguments): \(output)")
        return output.stdout
    }

    /// Checks that every observed exit code is listed, and with `complete`, that nothing else is.
    static func check(_ program: String, help arguments: [String], observed: [Int32], complete: Bool) async throws {
        let listed = try listedCodes(in: try await help(program, arguments))
        for code in observed { #expect(listed.contains(code), "\(arguments) exits \(code), which its help does not list (\(listed))") }
        if complete { #expect(listed == Set(observed), "\(arguments) lists \(listed.sorted()) but exits with \(Set(observed).sorted())") }
    }

    @Test("the skill binary's help lists 0, 64, 65, 70 and 78, the codes it really exits with")
    func skillBinary() async throws {
        let binary = Command.path("ride-hailer")
        let folder = try TemporaryFolder()
        var observed: [Int32] = []
        observed.append(try await Command.run(binary, ["routes"]).status)
        observed.append(try await Command.run(binary, ["--prot"]).status)
        observed.append(try await Command.run(binary, ["stdio"], input: Array("not json".utf8)).status)
        // 70: the server cannot start, here because the port is taken.
        let taken = try LoopbackListener()
        let busy = try await Command.run(
            binary, ["serve", "--no-verify", "--port", "\(taken.port)"], environment: Command.sampleDatabase(in: folder))
        #expect(busy.status == 70, "\(busy)")
        observed.append(busy.status)
        // 78: a configuration error.
        let configuration = try await Command.run(
            binary, ["serve", "--no-verify", "--port", "0"], environment: ["SKILLGATE_EVENT_BACKEND": "carrier-pigeon"])
        observed.append(configuration.status)
        #expect(observed == [0, 64, 65, 70, 78], "\(observed)")
        try await Self.check(binary, help: ["--help"], observed: observed, complete: true)
    }

    @Test("skillgate-bench's help lists 0, 1, 2 and 64, the codes it really exits with")
    func bench() async throws {
        let bench = Command.path("skillgate-bench")
        var observed: [Int32] = [0]
        observed.append(try await Command.run(bench, ["coldstart", "--binary", "/bin/false", "--iterations", "1"]).status)
        observed.append(try await Command.run(bench, ["coldstart", "--binary", "/nonexistent/bootstrap"]).status)
        observed.append(try await Command.run(bench, ["frobnicate"]).status)
        #expect(observed == [0, 1, 2, 64], "\(observed)")
        try await Self.check(bench, help: ["--help"], observed: observed, complete: true)
    }

    @Test("lint, replay, request, new and package-lambda list the codes they exit with; skillgate --help lists them all")
    func skillgateCommands() async throws {
        let skillgate = Command.path("skillgate")
        let folder = try TemporaryFolder()
        let model = Command.checkout + "/Samples/RideHailer/skill-package/interactionModels/custom/en-US.json"
        let skill = Command.path("ride-hailer")
        let empty = try folder.write(#"{"interactionModel": {"languageModel": {"invocationName": "x", "intents": []}}}"#, to: "empty.json")
        let lint: [Int32] = [
            try await Command.skillgate(["lint", "--model", model, "--exec", skill]).status,
            try await Command.skillgate(["lint", "--model", empty, "--exec", skill]).status,
            try await Command.skillgate(["lint", "--model", model]).status,
        ]
        #expect(lint == [0, 1, 2], "\(lint)")
        try await Self.check(skillgate, help: ["lint", "--help"], observed: lint, complete: true)

        let request = Command.checkout + "/Samples/RideHailer/Replay/requests/account-linked.json"
        let wrong = try folder.write(
            #"{"conversation": {}, "turns": [{"launch": {}, "expect": {"speech": "this is not what it says"}}]}"#, to: "wrong.json")
        let exec = "\(skill) stdio --lines"
        let environment = Command.sampleDatabase(in: folder)
        let replay: [Int32] = [
            try await Command.skillgate(["replay", request, "--exec", exec, "--quiet"], environment: environment).status,
            try await Command.skillgate(["replay", wrong, "--exec", exec, "--quiet"], environment: environment).status,
            try await Command.skillgate(["replay", request]).status,
        ]
        #expect(replay == [0, 1, 2], "\(replay)")
        try await Self.check(skillgate, help: ["replay", "--help"], observed: replay, complete: true)

        let requestCodes: [Int32] = [
            try await Command.skillgate(["request", "launch"]).status, try await Command.skillgate(["request", "dance"]).status,
        ]
        try await Self.check(skillgate, help: ["request", "--help"], observed: requestCodes, complete: true)

        let newCodes: [Int32] = [
            try await Command.skillgate(["new", "hello-codes", "--path", folder.path]).status,
            try await Command.skillgate(["new", "hello-codes", "--path", folder.path]).status,  // it exists now
        ]
        #expect(newCodes == [0, 2], "\(newCodes)")
        try await Self.check(skillgate, help: ["new", "--help"], observed: newCodes, complete: true)

        // package-lambda: a usage error, and a build that fails (no such product in an empty package).
        let package = try folder.write(
            "// swift-tools-version:6.0\nimport PackageDescription\nlet package = Package(name: \"empty\")\n", to: "empty/Package.swift")
        let packageDirectory = URL(fileURLWithPath: package).deletingLastPathComponent().path
        let lambda: [Int32] = [
            try await Command.skillgate(["package-lambda", "--package-path", packageDirectory, "--product", "nothing"], timeout: 300)
                .status,
            try await Command.skillgate(["package-lambda", "--output", "x.tar"]).status,
        ]
        #expect(lambda == [1, 2], "\(lambda)")
        try await Self.check(skillgate, help: ["package-lambda", "--help"], observed: lambda + [0], complete: true)

        for command in ["dev-cert", "doctor"] {
            let usage = try await Command.skillgate([command, "--frobnicate"]).status
            try await Self.check(skillgate, help: [command, "--help"], observed: [usage], complete: false)
        }
        try await Self.check(skillgate, help: ["--help"], observed: lint + replay, complete: true)
    }
}

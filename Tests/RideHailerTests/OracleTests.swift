import Foundation
import SkillGateTestSupport
import Testing

/// The independent check: Amazon's Python SDK builds the requests and reads the responses.
/// `.ci/run` installs ask-sdk-core/ask-sdk-model into `.build-oracle/venv`; without it this
/// test is skipped with a message saying how to enable it.
struct OracleTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var python: String? {
        if let configured = ProcessInfo.processInfo.environment["SKILLGATE_ORACLE_PYTHON"] { return configured }
        let venv = packageRoot.appendingPathComponent(".build-oracle/venv/bin/python3").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : nil
    }

    @Test(
        "ask-sdk-model's requests decode, and the sample's responses deserialize as ask-sdk-model ResponseEnvelopes",
        .enabled(if: python != nil, "no ask-sdk venv: run .ci/run (or set SKILLGATE_ORACLE_PYTHON) to enable the Python SDK oracle"))
    func oracle() async throws {
        let python = try #require(Self.python)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Oracle/oracle.py").path
        let output = try await ChildProcess.run(python, [script, Products.path("ride-hailer")])
        #expect(output.status == 0, "oracle output: \(output.stdout) \(output.stderr)")
        #expect(output.stdout.contains("ORACLE OK"), "oracle output: \(output.stdout) \(output.stderr)")
    }
}

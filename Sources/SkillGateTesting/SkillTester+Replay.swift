import SkillGateCore
import SkillGateReplay
import Synchronization

extension SkillTester {
    /// Replays request files, conversations and ASK CLI recordings against the skill in-process,
    /// exactly as `skillgate replay` does against a running one: the same file formats, the same
    /// session threading, `say` turns resolved against the interaction model, the same
    /// expectations. Put it in a test to run a package's `Replay/` folder with `swift test`:
    ///
    /// ```swift
    /// @Test func conversations() async throws {
    ///     let report = try await SkillTester(MySkill()).replay(packageRoot + "/Replay")
    ///     #expect(report.failed == 0 && report.requests > 0, "\(report)")
    /// }
    /// ```
    /// - Parameters:
    ///   - paths: files and folders (folders are replayed recursively, in name order).
    ///   - model: the interaction model for `say` turns; nil finds
    ///     `skill-package/interactionModels/custom/<locale>.json` beside or above each file.
    ///   - templates: SkillGate's `Templates` folder, which conversation requests are built from;
    ///     nil uses the one in the SkillGate checkout this package was built from.
    ///   - quiet: keep only failing turns in the transcript.
    /// - Returns: the counts and the transcript.
    /// - Throws: ``ReplayFailure`` when a path is missing or a file cannot be used.
    public func replay(_ paths: String..., model: String? = nil, templates: String? = nil, quiet: Bool = true) async throws(ReplayFailure)
        -> ReplayReport
    {
        var settings = ReplaySettings()
        settings.model = model
        settings.templates = templates
        settings.quiet = quiet
        let transcript = Mutex("")
        let problems = Mutex<[String]>([])
        let output = ReplayOutput(
            out: { text in transcript.withLock { $0 += text } }, error: { line in problems.withLock { $0.append(line) } })
        let replayer = Replayer(options: settings, transport: InProcessTransport(runner: runner), output: output)
        do throws(CLIError) {
            for file in try ReplayFiles.collect(paths) { try await replayer.replay(file: file) }
        } catch {
            throw ReplayFailure(description: error.message)
        }
        replayer.transcript.summary(replayer.tally)
        let messages = problems.withLock { $0 }
        guard messages.isEmpty else { throw ReplayFailure(description: messages.joined(separator: "\n")) }
        return ReplayReport(tally: replayer.tally, transcript: transcript.withLock { $0 })
    }
}

/// What an in-process replay found.
public struct ReplayReport: Sendable, CustomStringConvertible {
    /// Files replayed.
    public let files: Int
    /// Requests sent.
    public let requests: Int
    /// Requests whose expectations all held.
    public let passed: Int
    /// Requests with a difference (or turns that could not be sent).
    public let failed: Int
    /// Requests with nothing to check.
    public let unchecked: Int
    /// `FILE turn N` for each failure.
    public let failures: [String]
    /// The transcript (only failing turns when quiet) and the summary.
    public let transcript: String

    init(tally: ReplayTally, transcript: String) {
        files = tally.files
        requests = tally.requests
        passed = tally.passed
        failed = tally.failed
        unchecked = tally.unchecked
        failures = tally.failures
        self.transcript = transcript
    }

    /// The transcript, for a failing test's message.
    public var description: String { transcript }
}

/// A replay that could not run: a missing path, a file that is not a replay file, an utterance
/// with no interaction model to resolve it against.
public struct ReplayFailure: Error, Sendable, CustomStringConvertible {
    /// What went wrong, naming the file.
    public let description: String
}

/// Hands each request to the runner, as `stdio --lines` would.
private final class InProcessTransport: SkillTransport {
    let target = "in-process"
    private let runner: SkillRunner

    init(runner: SkillRunner) { self.runner = runner }

    func send(_ body: [UInt8]) async throws(CLIError) -> (status: Int?, body: [UInt8]) {
        (nil, await runner.handle(body: body).body)
    }

    func close() async throws(CLIError) {}
}

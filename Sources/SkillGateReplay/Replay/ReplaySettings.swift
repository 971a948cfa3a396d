import SkillGateSystem

/// What a replay run does besides sending requests: the `skillgate replay` options that are not
/// about where the skill is.
package struct ReplaySettings {
    /// `--update`: rewrite the expectations that fail (and add missing ones) from the answers.
    package var update = false
    /// `--dry-run` (with `--update`): print what `--update` would change, write nothing.
    package var dryRun = false
    /// `--refresh-timestamps`: send recorded envelopes with a fresh timestamp and request ID.
    package var refreshTimestamps = false
    /// `--templates DIR`: where conversation requests are built from.
    package var templates: String?
    /// `--model PATH`: the interaction model utterances are resolved against.
    package var model: String?
    /// `--quiet`: print only failing turns and the summary.
    package var quiet = false
    /// The process environment (for `SKILLGATE_TEMPLATES`).
    package var environment: [String: String] = [:]

    /// Settings with every option off.
    package init() {}
}

/// Where a replay's transcript and messages go: stdout and stderr for the tool, a buffer or the
/// test log for in-process replays.
package struct ReplayOutput: Sendable {
    /// Writes transcript text (newlines included).
    package let out: @Sendable (String) -> Void
    /// Writes one message line (no newline).
    package let error: @Sendable (String) -> Void
    /// Told the counts after each request (for a progress line).
    package let progress: @Sendable (ReplayTally) -> Void

    /// An output.
    /// - Parameters:
    ///   - out: receives transcript text.
    ///   - error: receives message lines.
    ///   - progress: receives the counts after each request.
    package init(
        out: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void,
        progress: @escaping @Sendable (ReplayTally) -> Void = { _ in }
    ) {
        self.out = out
        self.error = error
        self.progress = progress
    }

    /// The transcript on stdout (through `print`'s buffer, like the rest of the tool's output),
    /// messages on stderr through ``SkillGateSystem/StandardStreams``.
    package static let standard = ReplayOutput(
        out: { print($0, terminator: "") }, error: { StandardStreams.printError($0) })
}

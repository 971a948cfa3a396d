/// The counts `replay` reports at the end.
package struct ReplayTally: Sendable {
    /// Files replayed.
    package var files = 0
    /// Requests sent (or turns that failed before sending).
    package var requests = 0
    /// Requests whose expectations all held.
    package var passed = 0
    /// Requests with a difference.
    package var failed = 0
    /// Requests with nothing to check.
    package var unchecked = 0
    /// Requests whose expectations `--update` rewrote or added.
    package var updatedTurns = 0
    /// Expectations `--update` rewrote or added.
    package var updatedExpectations = 0
    /// Files `--update` rewrote (or, with `--dry-run`, would rewrite).
    package var updatedFiles = 0
    /// Whether `--dry-run` kept the updates from being written.
    package var dryRun = false
    /// Files that could not be read or understood.
    package var badFiles = 0
    /// `file turn N` for each failure.
    package var failures: [String] = []

    /// Creates an empty tally.
    package init() {}

    /// 0 when all passed, 1 on a difference (or, with `--dry-run`, an update not written),
    /// 2 when a file could not be used.
    package var exitCode: Int32 {
        if badFiles > 0 { return 2 }
        return failed > 0 || (dryRun && updatedFiles > 0) ? 1 : 0
    }
}

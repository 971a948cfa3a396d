/// The counts `replay` reports at the end.
package struct ReplayTally {
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
    /// Files rewritten by `--update`.
    package var updated = 0
    /// Files that could not be read or understood.
    package var badFiles = 0
    /// `file turn N` for each failure.
    package var failures: [String] = []

    /// 0 when all passed, 1 on a difference, 2 when a file could not be used.
    package var exitCode: Int32 {
        if badFiles > 0 { return 2 }
        return failed > 0 ? 1 : 0
    }
}

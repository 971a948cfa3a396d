/// The counts `replay` reports at the end.
struct ReplayTally {
    /// Files replayed.
    var files = 0
    /// Requests sent (or turns that failed before sending).
    var requests = 0
    /// Requests whose expectations all held.
    var passed = 0
    /// Requests with a difference.
    var failed = 0
    /// Requests with nothing to check.
    var unchecked = 0
    /// Files rewritten by `--update`.
    var updated = 0
    /// Files that could not be read or understood.
    var badFiles = 0
    /// `file turn N` for each failure.
    var failures: [String] = []

    /// 0 when all passed, 1 on a difference, 2 when a file could not be used.
    var exitCode: Int32 {
        if badFiles > 0 { return 2 }
        return failed > 0 ? 1 : 0
    }
}

/// "Did you mean …?" for a misspelled command or option, by edit distance (as
/// swift-argument-parser does), and the one line a command prints for a usage error.
public enum ArgumentSuggestion {
    /// The candidate closest to `word` by edit distance, when it is close enough to be a typo: at
    /// most a third of the word's length, and at least one edit, with a swap of two neighbouring
    /// letters counted as one. Options are compared without their leading dashes, so `-port`
    /// and `--prot` both find `--port`.
    /// - Parameters:
    ///   - word: what the user typed.
    ///   - candidates: the valid spellings.
    /// - Returns: the suggestion, or nil.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let typed = Array(undashed(word).lowercased())
        let limit = max(1, typed.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = Self.distance(typed, Array(undashed(candidate).lowercased()))
            if distance <= limit, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of
    /// two neighbouring characters each count 1.
    /// - Parameters:
    ///   - a: one word.
    ///   - b: the other.
    /// - Returns: the number of edits.
    public static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        // rows[i][j]: the distance between a's first i characters and b's first j.
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { best = min(best, rows[i - 2][j - 2] + 1) }
                rows[i][j] = best
            }
        }
        return rows[a.count][b.count]
    }

    /// The one line a command prints on stderr for a bad command line: the problem, and where the
    /// help is (not the whole usage text). A message of several lines is joined into one.
    /// - Parameters:
    ///   - command: how the command is called, e.g. `skillgate lint` or `ride-hailer`.
    ///   - message: what is wrong.
    /// - Returns: `COMMAND: MESSAGE (see 'COMMAND --help')`, without a newline.
    public static func usageLine(command: String, message: String) -> String {
        let oneLine = message.split(whereSeparator: \.isNewline).map { String($0) }.joined(separator: " ")
        return "\(command): \(oneLine) (see '\(command) --help')"
    }

    private static func undashed(_ word: String) -> Substring {
        word.drop { $0 == "-" }
    }
}

extension ArgumentError {
    /// `unknown option '--prot'; did you mean '--port'?` for an option that is not one of `known`
    /// (the suggestion only when one is close), or `unexpected argument 'WORD'` for a word that
    /// does not start with `-`.
    /// - Parameters:
    ///   - argument: what the user typed.
    ///   - known: the options the command takes.
    /// - Returns: the error.
    public static func unknownOption(_ argument: String, known: [String]) -> ArgumentError {
        guard argument.hasPrefix("-"), argument.count > 1 else { return ArgumentError("unexpected argument '\(argument)'") }
        let suggestion = ArgumentSuggestion.closest(to: argument, among: known).map { "; did you mean '\($0)'?" } ?? ""
        return ArgumentError("unknown option '\(argument)'\(suggestion)")
    }
}

extension ArgumentScanner {
    /// The error for an argument the caller does not take: ``ArgumentError/unknownOption(_:known:)``
    /// turned into the caller's error.
    /// - Parameters:
    ///   - argument: the argument just read.
    ///   - known: the options the command takes.
    /// - Returns: the error to throw.
    public func unknown(_ argument: String, known: [String]) -> Failure {
        failure(.unknownOption(argument, known: known))
    }
}

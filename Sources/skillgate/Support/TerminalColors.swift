import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// PASS green, FAIL red, WARN yellow in what `doctor`, `lint` and `replay` print — on a terminal
/// only. Off when standard output is not a TTY (a pipe, a file, CI's log), when `NO_COLOR` is set
/// to anything but the empty string (no-color.org), or with `--no-color`.
struct TerminalColors: Sendable {
    /// Whether escape sequences are written at all.
    let enabled: Bool

    /// The colors for a command: takes `--no-color` out of its arguments (doctor, lint and
    /// replay accept it anywhere) and decides with standard output's TTY-ness and the environment.
    /// - Parameters:
    ///   - arguments: the command's arguments; `--no-color` is removed.
    ///   - environment: the process environment (`NO_COLOR`, `TERM`).
    init(arguments: inout [String], environment: [String: String]) {
        let flag = arguments.contains("--no-color")
        arguments.removeAll { $0 == "--no-color" }
        enabled = Self.decide(noColorFlag: flag, environment: environment, isTerminal: isatty(1) == 1)
    }

    /// Whether to color: only on a terminal, never with `--no-color`, a non-empty `NO_COLOR` or
    /// `TERM=dumb`.
    /// - Parameters:
    ///   - noColorFlag: `--no-color` was given.
    ///   - environment: the process environment.
    ///   - isTerminal: standard output is a TTY.
    /// - Returns: whether to write colors.
    static func decide(noColorFlag: Bool, environment: [String: String], isTerminal: Bool) -> Bool {
        if noColorFlag || !isTerminal { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }

    private static let green = "\u{1B}[32m", red = "\u{1B}[31m", yellow = "\u{1B}[33m", reset = "\u{1B}[0m"

    /// The words each report marks its verdicts with, and their colors. A word is colored where
    /// it stands as a verdict: `[PASS]` in the doctor's report, `ok:` / `FAIL:` / `FAILED` in a
    /// replay, `problem:` in lint, and the counts in the closing lines.
    private static let marks: [(word: String, color: String)] = [
        ("[PASS]", green), ("[FAIL]", red), ("[ERROR]", red), ("[WARN]", yellow),
        ("ok:", green), ("FAIL:", red), ("FAILED", red), ("problem:", red), ("(no expectations)", yellow),
    ]

    /// The text with its verdict words colored (unchanged when colors are off).
    /// - Parameter text: report text, one or more lines.
    /// - Returns: the text to print.
    func paint(_ text: String) -> String {
        guard enabled else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { paintLine(String($0)) }.joined(separator: "\n")
    }

    private func paintLine(_ line: String) -> String {
        let body = line.drop { $0 == " " }
        let indent = String(line.prefix(line.count - body.count))
        for mark in Self.marks where body.hasPrefix(mark.word) {
            return indent + mark.color + mark.word + Self.reset + body.dropFirst(mark.word.count)
        }
        if line.hasSuffix(": no problems") {
            return String(line.dropLast("no problems".count)) + Self.green + "no problems" + Self.reset
        }
        // Closing lines: "lint: 2 problems", "replay: … 3 passed, 1 failed", "4 PASS, 1 FAIL, …".
        var painted = line
        for (pattern, color) in [
            (" passed", Self.green), (" failed", Self.red), (" PASS", Self.green), (" FAIL", Self.red), (" WARN", Self.yellow),
            (" problems", Self.red), (" problem", Self.red),
        ] {
            painted = colorCount(in: painted, before: pattern, color: color)
        }
        return painted
    }

    /// Colors `N<pattern>` (a count followed by the word) when N is not 0, e.g. `1 failed`.
    private func colorCount(in line: String, before pattern: String, color: String) -> String {
        guard let range = line.range(of: pattern), line[range.upperBound...].first.map({ $0 == "," || $0 == ":" || $0 == "\n" }) ?? true
        else { return line }
        let digits = line[..<range.lowerBound].reversed().prefix { $0.isNumber }
        guard !digits.isEmpty, digits.contains(where: { $0 != "0" }) else { return line }
        let start = line.index(range.lowerBound, offsetBy: -digits.count)
        return String(line[..<start]) + color + String(line[start..<range.upperBound]) + Self.reset + String(line[range.upperBound...])
    }
}

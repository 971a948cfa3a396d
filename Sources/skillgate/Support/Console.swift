import SkillGateSystem

/// Writes to the standard streams: results on stdout, messages on stderr.
enum Console {
    /// Writes a line to stderr through ``SkillGateSystem/StandardStreams`` (unbuffered, so it is
    /// never lost or reordered at exit).
    /// - Parameter text: the line, without its newline.
    static func error(_ text: String) {
        StandardStreams.printError(text)
    }

    /// Writes text to stdout through the same buffer as `print`, which the rest of the CLI's
    /// stdout goes through too (so the order stays as written).
    /// - Parameter text: the text, newline included when wanted.
    static func out(_ text: String) {
        print(text, terminator: "")
    }
}

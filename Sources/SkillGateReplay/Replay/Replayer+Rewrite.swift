import SkillGateModel

extension Replayer {
    /// Applies what `--update` changed in one file: prints the diff, then writes the file unless
    /// `--dry-run`. A file whose expectations all held is never written, so it stays byte for byte.
    /// - Parameters:
    ///   - path: the file.
    ///   - document: its new contents.
    ///   - changes: how many expectations changed (for the summary).
    /// - Throws: ``CLIError`` `.io` when the file cannot be written.
    func rewrite(_ path: String, to document: JSONValue, changes: Int) throws(CLIError) {
        guard changes > 0 else { return }
        let old = FileSystem.exists(path) ? String(decoding: try FileSystem.read(path), as: UTF8.self) : ""
        let new = PrettyJSON.render(document)
        guard old != new else { return }
        tally.updatedFiles += 1
        tally.updatedExpectations += changes
        let verb = options.dryRun ? "would update" : "updated"
        transcript.output.out(
            "\n--- \(old.isEmpty ? "/dev/null" : path)\n+++ \(path) (\(verb) \(changes) expectation\(changes == 1 ? "" : "s"))\n"
                + LineDiff.unified(old: old, new: new))
        if !options.dryRun { try FileSystem.write(new, to: path) }
    }

    /// ``rewrite(_:to:changes:)`` for a replay file whose top-level `member` `--update` changed.
    /// - Parameters:
    ///   - file: the file as read.
    ///   - member: the member that changed, e.g. `turns`.
    ///   - value: its new value.
    ///   - changes: how many expectations changed (for the summary).
    /// - Throws: ``CLIError`` `.io` when the file cannot be written.
    func rewrite(_ file: ReplayFile, setting member: String, to value: JSONValue, changes: Int) throws(CLIError) {
        try rewrite(file.path, to: ExpectationWriter.setting(file.json, member, to: value), changes: changes)
    }
}

/// A unified diff of two texts, line by line, for showing what `--update` changes.
package enum LineDiff {
    /// The diff in the unified format (`@@ -a,b +c,d @@`, ` `, `-`, `+` lines), with `context`
    /// unchanged lines around each change; empty when the texts are equal.
    /// - Parameters:
    ///   - old: the text before (empty for a new file).
    ///   - new: the text after.
    ///   - context: unchanged lines shown around each change.
    /// - Returns: the hunks, each line ending in a newline.
    package static func unified(old: String, new: String, context: Int = 2) -> String {
        let before = lines(old)
        let after = lines(new)
        let edits = script(before, after)
        guard edits.contains(where: { $0.kind != .same }) else { return "" }
        var output = ""
        var index = 0
        while index < edits.count {
            guard let change = edits[index...].firstIndex(where: { $0.kind != .same }) else { break }
            var end = change
            // A hunk runs on while the next change is within 2 × context unchanged lines.
            while let next = edits[(end + 1)...].firstIndex(where: { $0.kind != .same }), next - end <= 2 * context + 1 {
                end = next
            }
            let start = max(index, change - context)
            let stop = min(edits.count, end + context + 1)
            let hunk = edits[start..<stop]
            let oldStart = (hunk.first?.oldLine ?? 0) + 1
            let newStart = (hunk.first?.newLine ?? 0) + 1
            let oldCount = hunk.count(where: { $0.kind != .inserted })
            let newCount = hunk.count(where: { $0.kind != .deleted })
            output +=
                "@@ -\(oldCount == 0 ? oldStart - 1 : oldStart),\(oldCount) +\(newCount == 0 ? newStart - 1 : newStart),\(newCount) @@\n"
            for edit in hunk {
                switch edit.kind {
                case .same: output += " " + before[edit.oldLine] + "\n"
                case .deleted: output += "-" + before[edit.oldLine] + "\n"
                case .inserted: output += "+" + after[edit.newLine] + "\n"
                }
            }
            index = stop
        }
        return output
    }

    private struct Edit {
        enum Kind { case same, deleted, inserted }
        let kind: Kind
        /// The line in the old text (for `.inserted`: the old line it comes before).
        let oldLine: Int
        /// The line in the new text (for `.deleted`: the new line it comes before).
        let newLine: Int
    }

    private static func lines(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var result = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if result.last == "" { result.removeLast() }
        return result
    }

    /// The edit script from a longest common subsequence of lines. Replay files are small; for
    /// very large ones the whole text is shown as replaced rather than spending quadratic time.
    private static func script(_ old: [String], _ new: [String]) -> [Edit] {
        guard old.count * new.count <= 4_000_000 else {
            return old.indices.map { Edit(kind: .deleted, oldLine: $0, newLine: 0) }
                + new.indices.map { Edit(kind: .inserted, oldLine: old.count, newLine: $0) }
        }
        var table = [[Int]](repeating: [Int](repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                table[i][j] = old[i] == new[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                edits.append(Edit(kind: .same, oldLine: i, newLine: j))
                i += 1
                j += 1
            } else if i < old.count, j == new.count || table[i + 1][j] >= table[i][j + 1] {
                edits.append(Edit(kind: .deleted, oldLine: i, newLine: j))
                i += 1
            } else {
                edits.append(Edit(kind: .inserted, oldLine: i, newLine: j))
                j += 1
            }
        }
        return edits
    }
}

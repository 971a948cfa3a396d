package import SkillGateModel

/// A replay file as read: where it is and its parsed contents, which `--update` rewrites one
/// member at a time. Each kind of document (``RequestDocument``, ``ConversationDocument``,
/// ``SkillIODocument``) keeps the file it was read from.
package struct ReplayFile {
    /// The file's path.
    package let path: String
    /// The whole file as read.
    package let json: JSONValue
}

extension ReplayFile {
    /// Reads and parses the file at `path`.
    /// - Throws: ``CLIError`` `.io` when it cannot be read or is not JSON.
    init(reading path: String) throws(CLIError) {
        self.init(path: path, json: try FileSystem.readJSON(path))
    }
}

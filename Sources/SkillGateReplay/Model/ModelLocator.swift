/// Finds the interaction model an utterance is resolved against: `--model PATH`, else the
/// `skill-package/interactionModels/custom/<locale>.json` beside or above the replayed file (or
/// the current folder, for `skillgate request utter`).
package enum ModelLocator {
    /// Where a model lives inside a skill package.
    package static func relativePath(locale: String) -> String { "skill-package/interactionModels/custom/\(locale).json" }

    /// The model file for a locale.
    /// - Parameters:
    ///   - explicit: `--model PATH`: a model file, or a folder holding `<locale>.json`,
    ///     `interactionModels/custom/<locale>.json` or `skill-package/interactionModels/custom/<locale>.json`.
    ///   - start: the folder to search from, upwards, when `explicit` is nil.
    ///   - locale: the request locale.
    ///   - purpose: what needs the model, for the message (e.g. `turn 2 says "…"`).
    /// - Returns: the model file's path.
    /// - Throws: ``CLIError`` `.io` saying where it looked.
    package static func find(explicit: String?, from start: String, locale: String, purpose: String) throws(CLIError) -> String {
        if let explicit {
            guard FileSystem.exists(explicit) else { throw .io("--model \(explicit) does not exist") }
            guard FileSystem.isDirectory(explicit) else { return explicit }
            let inside = ["\(locale).json", "interactionModels/custom/\(locale).json", relativePath(locale: locale)]
            if let found = inside.map({ explicit + "/" + $0 }).first(where: FileSystem.exists) { return found }
            throw .io("--model \(explicit) is a folder without a \(locale) model (looked for \(inside.joined(separator: ", ")) in it)")
        }
        var folder = FileSystem.absolute(start)
        while true {
            let candidate = (folder == "/" ? "" : folder) + "/" + relativePath(locale: locale)
            if FileSystem.exists(candidate) { return candidate }
            let parent = FileSystem.directory(of: folder)
            if parent == folder || folder == "/" { break }
            folder = parent
        }
        throw .io(
            "\(purpose), but no interaction model was found: looked for \(relativePath(locale: locale)) in \(FileSystem.absolute(start)) and every folder above it; pass --model PATH"
        )
    }
}

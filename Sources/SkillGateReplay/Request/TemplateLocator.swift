import SkillGateSystem

/// Finds the `Templates/` folder that `request`, `replay` (for conversations) and `new` use.
///
/// In order: `--templates DIR`; the `SKILLGATE_TEMPLATES` environment variable; the checkout this
/// `skillgate` was built from (found from this source file's path, so `swift run skillgate` and
/// `.build/debug/skillgate` work in a clone); `Templates/` beside the executable; and
/// `../share/skillgate/Templates` next to it (an installed copy).
package enum TemplateLocator {
    /// The folder that holds request templates.
    /// - Parameters:
    ///   - explicit: the `--templates` value, if given.
    ///   - environment: the process environment.
    /// - Returns: the folder's path.
    /// - Throws: ``CLIError`` `.io` listing where it looked.
    package static func locate(explicit: String?, environment: [String: String]) throws(CLIError) -> String {
        if let explicit {
            guard isTemplates(explicit) else {
                throw .io("--templates \(explicit) is not a SkillGate Templates folder (it needs a requests/ folder)")
            }
            return explicit
        }
        if let fromEnvironment = environment["SKILLGATE_TEMPLATES"] {
            guard isTemplates(fromEnvironment) else {
                throw .io("SKILLGATE_TEMPLATES=\(fromEnvironment) is not a SkillGate Templates folder (it needs a requests/ folder)")
            }
            return fromEnvironment
        }
        let candidates = defaultCandidates()
        if let found = candidates.first(where: isTemplates) { return found }
        throw .io(
            "cannot find SkillGate's Templates folder; looked in \(candidates.joined(separator: ", ")). Pass --templates DIR or set SKILLGATE_TEMPLATES to the Templates folder of a SkillGate checkout."
        )
    }

    /// The checkout this binary was built from (the folder holding `Package.swift` and `Templates/`).
    package static var sourceCheckout: String {
        var path = #filePath
        for _ in 0..<4 { path = FileSystem.directory(of: path) }
        return path
    }

    private static func defaultCandidates() -> [String] {
        var candidates = [sourceCheckout + "/Templates"]
        let executable = CurrentExecutable.path() ?? FileSystem.absolute(CommandLine.arguments.first ?? "skillgate")
        let binDirectory = FileSystem.directory(of: executable)
        candidates.append(binDirectory + "/Templates")
        candidates.append(FileSystem.directory(of: binDirectory) + "/share/skillgate/Templates")
        return candidates
    }

    private static func isTemplates(_ path: String) -> Bool {
        FileSystem.isDirectory(path + "/requests")
    }
}

import Foundation
import SkillGateReplay
import SkillGateSystem

/// Command lines printed for people to paste: quoting, and how to run this `skillgate` again.
enum ShellWords {
    /// A word as `/bin/sh` reads it: unchanged when it is plain, else in single quotes.
    /// - Parameter word: a path or argument.
    static func quote(_ word: String) -> String {
        let plain =
            !word.isEmpty
            && word.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII
                    && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_./=:@%+,".unicodeScalars.contains(scalar))
            }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// How to run this `skillgate` from the current folder: `skillgate` when that name on `PATH`
    /// is this program, else its absolute path.
    /// - Parameter environment: this process's environment.
    static func skillgate(environment: [String: String]) -> String {
        let this = CurrentExecutable.path() ?? FileSystem.absolute(CommandLine.arguments.first ?? "skillgate")
        if let onPath = Subprocess.which("skillgate", searchPath: environment["PATH"] ?? Subprocess.defaultSearchPath),
            FileSystem.absolute(onPath) == FileSystem.absolute(this)
        {
            return "skillgate"
        }
        return quote(this)
    }
}

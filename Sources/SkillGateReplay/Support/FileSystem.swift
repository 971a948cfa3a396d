import Foundation
package import SkillGateModel

/// The file operations the commands share, failing with ``CLIError`` messages that name the path.
package enum FileSystem {
    /// Whether `path` is a directory.
    /// - Parameter path: the path.
    package static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Whether anything exists at `path`.
    /// - Parameter path: the path.
    package static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// Reads a whole file.
    /// - Parameter path: the file.
    /// - Returns: its bytes.
    /// - Throws: ``CLIError`` `.io` when it cannot be read.
    package static func read(_ path: String) throws(CLIError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .io(exists(path) ? "cannot read \(path)" : "\(path) does not exist")
        }
        return [UInt8](data)
    }

    /// Reads and parses a JSON file.
    /// - Parameter path: the file.
    /// - Returns: the document.
    /// - Throws: ``CLIError`` `.io` naming the file and the parse error.
    package static func readJSON(_ path: String) throws(CLIError) -> JSONValue {
        let bytes = try read(path)
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw .io("\(path) is not valid JSON: \(error)")
        }
    }

    /// Writes a file, replacing it.
    /// - Parameters:
    ///   - text: the contents.
    ///   - path: the file.
    /// - Throws: ``CLIError`` `.io` when it cannot be written.
    package static func write(_ text: String, to path: String) throws(CLIError) {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .io("cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// Creates a directory and its parents.
    /// - Parameter path: the directory.
    /// - Throws: ``CLIError`` `.io`.
    package static func createDirectory(_ path: String) throws(CLIError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .io("cannot create the folder \(path): \(error.localizedDescription)")
        }
    }

    /// Every regular file under a directory, recursively, as paths sorted by name.
    /// - Parameters:
    ///   - directory: the folder.
    ///   - includeHidden: whether to include names starting with `.` (skipped by default).
    /// - Returns: the file paths (each starting with `directory`).
    /// - Throws: ``CLIError`` `.io` when the folder cannot be listed.
    package static func files(under directory: String, includeHidden: Bool = false) throws(CLIError) -> [String] {
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw .io("cannot list the folder \(directory): \(error.localizedDescription)")
        }
        var result: [String] = []
        for entry in entries.sorted() where includeHidden || !entry.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + entry : directory + "/" + entry
            if isDirectory(path) {
                result += try files(under: path, includeHidden: includeHidden)
            } else {
                result.append(path)
            }
        }
        return result
    }

    /// The folder part of a path (`.` when there is none).
    /// - Parameter path: a file path.
    package static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last component of a path.
    /// - Parameter path: a file path.
    package static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// An absolute, standardized version of a path (relative paths are taken from the current folder).
    /// - Parameter path: the path.
    package static func absolute(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: absolute).standardizedFileURL.path
    }
}

/// Which files a replay of some paths plays.
package enum ReplayFiles {
    /// The files to replay: files as given, folders expanded recursively in name order, sidecars
    /// (`NAME.expected.json`) left out.
    /// - Parameter paths: files and folders.
    /// - Returns: the files in order.
    /// - Throws: ``CLIError`` `.usage` for a path that does not exist or a folder with no replay files.
    package static func collect(_ paths: [String]) throws(CLIError) -> [String] {
        var files: [String] = []
        for path in paths {
            guard FileSystem.exists(path) else { throw .usage("\(path) does not exist") }
            if FileSystem.isDirectory(path) {
                let found = try FileSystem.files(under: path).filter { $0.hasSuffix(".json") && !$0.hasSuffix(".expected.json") }
                if found.isEmpty { throw .usage("\(path) holds no .json replay files") }
                files += found
            } else {
                files.append(path)
            }
        }
        return files
    }
}

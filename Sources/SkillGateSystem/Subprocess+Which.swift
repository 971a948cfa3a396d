#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension Subprocess {
    /// The search path when the environment has no `PATH`.
    public static let defaultSearchPath = "/usr/local/bin:/usr/bin:/bin"

    /// The first executable file called `name` in the folders of `searchPath`.
    /// - Parameters:
    ///   - name: a command name such as `openssl`; a name with a `/` is checked as it is.
    ///   - searchPath: colon-separated folders, usually the environment's `PATH` (which a
    ///     program's `main()` reads and passes down).
    /// - Returns: its path, or nil.
    public static func which(_ name: String, searchPath: String) -> String? {
        guard !name.isEmpty else { return nil }
        if name.contains("/") { return isExecutableFile(name) ? name : nil }
        return searchPath.split(separator: ":").map { "\($0)/\(name)" }.first(where: isExecutableFile)
    }

    /// Whether `path` is a regular file this process may execute.
    static func isExecutableFile(_ path: String) -> Bool {
        var information = stat()
        guard stat(path, &information) == 0 else { return false }
        return information.st_mode & mode_t(S_IFMT) == mode_t(S_IFREG) && access(path, X_OK) == 0
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The running program's own file, e.g. to find the executables built beside it.
public enum CurrentExecutable {
    /// The absolute path of the running executable, symlinks resolved: `/proc/self/exe` on
    /// Linux, `_NSGetExecutablePath` on Darwin, else `argv[0]`.
    /// - Returns: the path, or nil when it cannot be found.
    public static func path() -> String? {
        #if canImport(Darwin)
            var size: UInt32 = 0
            _ = _NSGetExecutablePath(nil, &size)
            var buffer = [CChar](repeating: 0, count: Int(size) + 1)
            if _NSGetExecutablePath(&buffer, &size) == 0, let path = resolved(text(buffer)) { return path }
        #else
            var buffer = [CChar](repeating: 0, count: 4096)
            let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
            if count > 0 { return text(Array(buffer[..<count])) }
        #endif
        return CommandLine.arguments.first.flatMap(resolved)
    }

    /// `path` made absolute with symlinks resolved, or nil when it does not exist.
    private static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// C characters (up to a NUL, if any) as a string.
    private static func text(_ characters: [CChar]) -> String {
        String(decoding: characters.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

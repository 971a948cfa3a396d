#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process environment, read once by a program's `main()` and passed down from there:
/// library code never reads environment variables itself.
public enum ProcessEnvironment {
    /// Every `NAME=value` entry of the process environment.
    /// - Returns: the variables by name.
    public static func read() -> [String: String] {
        var result: [String: String] = [:]
        #if canImport(Darwin)
            guard var pointer = _NSGetEnviron()?.pointee else { return result }
        #else
            var pointer = environ
        #endif
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a ``Subprocess`` could not be started or did not finish in time; the message names the
/// command line and the cause.
public typealias SubprocessError = KindedError<SubprocessErrorKind>

/// The kind of ``SubprocessError``.
public enum SubprocessErrorKind: Sendable, Equatable {
    /// A pipe could not be made, or the program could not be started (missing, not
    /// executable, no such working directory).
    case cannotStart
    /// The program did not finish before its deadline; it was terminated.
    case timedOut
}

extension SubprocessError {
    /// `program arg "arg with spaces"`, for messages.
    static func commandLine(_ executable: String, _ arguments: [String]) -> String {
        ([executable] + arguments).map { word in
            word.isEmpty || word.contains(where: { $0 == " " || $0 == "\t" || $0 == "\"" }) ? "\"\(word)\"" : word
        }.joined(separator: " ")
    }

    /// The C library's text for an `errno` value.
    static func systemMessage(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

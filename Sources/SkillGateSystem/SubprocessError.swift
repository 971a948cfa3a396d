#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a ``Subprocess`` could not be started or did not finish in time.
public struct SubprocessError: Error, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// A pipe could not be made, or the program could not be started (missing, not
        /// executable, no such working directory).
        case cannotStart
        /// The program did not finish before its deadline; it was terminated.
        case timedOut
    }

    /// What went wrong.
    public let kind: Kind
    /// A sentence naming the command line and the cause.
    public let message: String

    /// Creates an error.
    /// - Parameters:
    ///   - kind: what went wrong.
    ///   - message: a sentence naming the command line and the cause.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }

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

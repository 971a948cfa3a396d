/// A command line that ``ArgumentScanner`` cannot read, with a message for the person who typed it.
public struct ArgumentError: Error, Equatable, CustomStringConvertible {
    /// What is wrong, e.g. `--port needs a value`.
    public let message: String

    /// Creates an error.
    /// - Parameter message: what is wrong, naming the option.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }

    /// `OPTION needs a value`.
    /// - Parameter option: the option.
    /// - Returns: the error.
    public static func missingValue(_ option: String) -> ArgumentError { ArgumentError("\(option) needs a value") }

    /// `OPTION takes no value`.
    /// - Parameter option: the flag.
    /// - Returns: the error.
    public static func unexpectedValue(_ option: String) -> ArgumentError { ArgumentError("\(option) takes no value") }
}

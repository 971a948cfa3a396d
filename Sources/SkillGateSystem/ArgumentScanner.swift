/// Walks a command line: flags, options with a value (`--name value` or `--name=value`) and
/// positional words. The caller switches on each ``next()`` and asks for a value or checks a flag.
///
/// Errors are ``ArgumentError``s unless the scanner is made with `failure:`, which turns them into
/// the caller's own usage error (so a parser with typed throws needs no conversion at each call).
public struct ArgumentScanner<Failure: Error> {
    private var remaining: ArraySlice<String>
    /// The value split off an `--option=value` argument, handed out by the next ``value(for:)``.
    private var pendingValue: String?
    let failure: (ArgumentError) -> Failure

    /// Creates a scanner whose errors are made by `failure`.
    /// - Parameters:
    ///   - arguments: the arguments after the program or command name.
    ///   - failure: turns an ``ArgumentError`` into the error the caller throws.
    public init(_ arguments: [String], failure: @escaping (ArgumentError) -> Failure) {
        remaining = arguments[...]
        self.failure = failure
    }

    /// Creates a scanner that throws ``ArgumentError``.
    /// - Parameter arguments: the arguments after the program or command name.
    public init(_ arguments: [String]) where Failure == ArgumentError {
        self.init(arguments) { $0 }
    }

    /// The next argument; an `--option=value` argument comes back as `--option`, its value set
    /// aside for ``value(for:)``.
    /// - Returns: the argument, or nil when there are no more.
    public mutating func next() -> String? {
        guard let argument = remaining.popFirst() else { return nil }
        if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
            pendingValue = String(argument[argument.index(after: equals)...])
            return String(argument[..<equals])
        }
        pendingValue = nil
        return argument
    }

    /// The value of the option just read: its `=value`, else the next argument unless that is
    /// another `--option`.
    /// - Parameter option: the option's name, for the message.
    /// - Returns: the value.
    /// - Throws: `failure(`"OPTION needs a value"`)` when there is none.
    public mutating func value(for option: String) throws(Failure) -> String {
        if let pending = pendingValue {
            pendingValue = nil
            return pending
        }
        guard let next = remaining.first, !(next.hasPrefix("--") && next.count > 2) else {
            throw failure(.missingValue(option))
        }
        remaining.removeFirst()
        return next
    }

    /// Checks that the flag just read was not given an `=value`.
    /// - Parameter option: the flag's name, for the message.
    /// - Throws: `failure(`"OPTION takes no value"`)`.
    public mutating func flag(_ option: String) throws(Failure) {
        if pendingValue != nil { throw failure(.unexpectedValue(option)) }
    }
}

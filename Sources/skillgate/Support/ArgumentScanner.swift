/// Walks a command's arguments: flags, options with values (`--name value` or `--name=value`)
/// and positional words.
struct ArgumentScanner {
    private var remaining: ArraySlice<String>
    /// The value split off an `--option=value` argument, handed out by the next ``value(for:)``.
    private var pendingValue: String?

    /// Creates a scanner.
    /// - Parameter arguments: the arguments after the command name.
    init(_ arguments: [String]) {
        remaining = arguments[...]
    }

    /// The next argument, with any `=value` of an `--option=value` set aside for ``value(for:)``.
    mutating func next() -> String? {
        guard let argument = remaining.popFirst() else { return nil }
        if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
            pendingValue = String(argument[argument.index(after: equals)...])
            return String(argument[..<equals])
        }
        pendingValue = nil
        return argument
    }

    /// The value of the option just read.
    /// - Parameter option: the option's name, for the error message.
    /// - Returns: the value.
    /// - Throws: ``CLIError`` `.usage` when the value is missing.
    mutating func value(for option: String) throws(CLIError) -> String {
        if let pending = pendingValue {
            pendingValue = nil
            return pending
        }
        guard let next = remaining.first, !(next.hasPrefix("--") && next.count > 2) else {
            throw .usage("\(option) needs a value")
        }
        remaining.removeFirst()
        return next
    }

    /// Fails when the option just read was given an `=value` it does not take.
    /// - Parameter option: the flag's name.
    /// - Throws: ``CLIError`` `.usage`.
    mutating func flag(_ option: String) throws(CLIError) {
        if pendingValue != nil { throw .usage("\(option) takes no value") }
    }
}

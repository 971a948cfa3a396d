/// Why a request envelope could not be read: names the field (as a JSON path) and the problem.
public struct RequestDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The JSON path of the offending field, e.g. `request.intent.name`; empty for the whole document.
    public let path: String
    /// What is wrong with it.
    public let problem: String

    /// Creates an error.
    /// - Parameters:
    ///   - path: the field's JSON path.
    ///   - problem: what is wrong, as a phrase.
    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
        self.isSyntaxError = false
    }

    /// Syntax errors name a byte offset, not a field, so they are not given a path.
    let isSyntaxError: Bool

    /// "the body is not JSON: unexpected 'h' at byte 1", or "the body is empty: …".
    init(syntax error: JSONParseError) {
        path = ""
        problem =
            error.reason == .empty
            ? "the body is empty: expected a request envelope (a JSON object)" : "the body is not JSON: \(error.detail)"
        isSyntaxError = true
    }

    /// The same error one level further out: `intent.name` becomes `request.intent.name`.
    func prefixed(with component: String) -> RequestDecodingError {
        guard !isSyntaxError else { return self }
        let joined = path.isEmpty ? component : (path.hasPrefix("[") ? component + path : component + "." + path)
        return RequestDecodingError(path: joined, problem: problem)
    }

    /// Equal when path and problem are.
    public static func == (lhs: RequestDecodingError, rhs: RequestDecodingError) -> Bool {
        lhs.path == rhs.path && lhs.problem == rhs.problem
    }

    /// "`request.intent.name`: is missing"-style message.
    public var description: String {
        path.isEmpty ? problem : "\(path): \(problem)"
    }
}

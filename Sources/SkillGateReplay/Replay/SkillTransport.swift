/// How `replay` reaches the skill: a long-lived child process (`--exec`) or an HTTP endpoint (`--url`).
package protocol SkillTransport: AnyObject {
    /// A description for the transcript header, e.g. `exec: .build/debug/ride-hailer stdio --lines`.
    var target: String { get }

    /// Sends one request body and returns the answer's status and body.
    /// - Parameter body: the compact JSON envelope (one line, no newline).
    /// - Returns: the status (HTTP only) and the answer bytes.
    /// - Throws: ``CLIError`` `.transport` when the skill cannot be reached or stops answering.
    func send(_ body: [UInt8]) async throws(CLIError) -> (status: Int?, body: [UInt8])

    /// Finishes: ends the child process or closes the connection.
    /// - Throws: ``CLIError`` `.transport` when the child process ends badly.
    func close() async throws(CLIError)
}

import SkillGateModel
import SkillGateReplay
import SkillGateSystem

/// One run of a one-shot command (`--exec-mode once`): the request on stdin, the answer on stdout.
enum OnceRun {
    /// Runs the command for one request.
    /// - Parameters:
    ///   - command: the command line (run under `/bin/sh -c`).
    ///   - body: the request envelope.
    ///   - environment: its environment.
    ///   - timeout: how long it may run.
    /// - Returns: the answer bytes (a rejection as `{"error": ...}`).
    /// - Throws: ``CLIError`` `.transport` when it cannot start, runs too long, or fails without a message.
    static func answer(_ command: String, body: [UInt8], environment: [String: String], timeout: Duration) async throws(CLIError) -> [UInt8]
    {
        let output: Subprocess.Output
        do {
            output = try await Subprocess.run(
                shell: command, environment: environment, input: body + [UInt8(ascii: "\n")], standardOutput: .pipe, standardError: .pipe,
                timeout: timeout)
        } catch {
            throw .transport(
                error.kind == .timedOut ? "`\(command)` did not answer and exit within \(timeout); it was terminated" : error.message)
        }
        return try interpret(
            command, output: output.standardOutput, errors: String(decoding: output.standardError, as: UTF8.self), status: output.status)
    }

    /// Turns what a run left behind into an answer: its stdout, or a rejection when it printed
    /// nothing and failed. Its stderr is passed on, except a message that became the rejection.
    /// - Parameters:
    ///   - command: the command line, for messages.
    ///   - output: its stdout.
    ///   - errors: its stderr (already shown when it came through a ``LinesProcess``).
    ///   - status: its exit status.
    /// - Throws: ``CLIError`` `.transport` for a run that printed nothing and did not fail, or failed without a message.
    static func interpret(_ command: String, output: [UInt8], errors: String, status: Int32, showErrors: Bool = true) throws(CLIError)
        -> [UInt8]
    {
        let answer = Array(output.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
        if !answer.isEmpty {
            if showErrors && !errors.isEmpty { StandardStreams.printError(errors.hasSuffix("\n") ? String(errors.dropLast()) : errors) }
            return answer
        }
        let message = errors.split(separator: "\n").last.map(String.init) ?? ""
        guard status != 0, !message.isEmpty else {
            throw .transport(
                "`\(command)` exited with status \(status) and printed no answer; does it read one request on stdin and print the response?"
            )
        }
        let error: JSONValue = ["error": ["code": .string(code(for: message, status: status)), "message": .string(message)]]
        return error.jsonBytes
    }

    /// The rejection code of a SkillGate skill's stdio message (`ride-hailer: wrong skill: …`).
    static func code(for message: String, status: Int32) -> String {
        let text = message.split(separator: ":", maxSplits: 1).last.map { $0.drop(while: { $0 == " " }) } ?? ""
        for (prefix, code) in [
            ("wrong skill:", "applicationIdMismatch"), ("stale request:", "timestampOutOfRange"),
            ("malformed request:", "malformedRequest"),
        ] where text.hasPrefix(prefix) {
            return code
        }
        return "exit \(status)"
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
}

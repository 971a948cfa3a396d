import SkillGateSystem

/// `stdio`: one request envelope on stdin, one response envelope on stdout; logs on stderr.
/// `stdio --lines`: one envelope per line in, exactly one JSON line per line out, in order.
package struct StdioMode {
    let runner: SkillRunner

    /// Exit code 65 (EX_DATAERR) for input that is not a request this skill accepts.
    package static let badInputExitCode: Int32 = 65

    /// Answers stdin until it ends; a failure goes to stderr under the runner's logger label (the
    /// program's name), as a JSON line with `--log-format json`.
    /// - Parameters:
    ///   - runner: the skill.
    ///   - lines: `stdio --lines`: one envelope per line.
    /// - Returns: the exit code: 0, or ``badInputExitCode`` for input that is not a request.
    package static func run(_ runner: SkillRunner, lines: Bool) async -> Int32 {
        let mode = StdioMode(runner: runner)
        return lines ? await mode.runLines() : await mode.runSingle()
    }

    func runSingle() async -> Int32 {
        var input: [UInt8] = []
        var scratch = [UInt8](repeating: 0, count: 65_536)
        while StandardStreams.read(from: 0, appendingTo: &input, scratch: &scratch) != nil {
            if input.count > Self.maximumInputBytes {
                runner.logger.reportFailure("input is larger than \(Self.maximumInputBytes) bytes; not a request envelope")
                return Self.badInputExitCode
            }
        }
        let result = await runner.handle(body: input)
        if let error = result.error {
            runner.logger.reportFailure(Self.describe(error))
            return Self.badInputExitCode
        }
        StandardStreams.write(result.body + [UInt8(ascii: "\n")], to: 1)
        return 0
    }

    func runLines() async -> Int32 {
        var buffer: [UInt8] = []
        var scratch = [UInt8](repeating: 0, count: 65_536)
        var scanFrom = 0
        // After an over-long line has been answered with an error, its rest is dropped up to its newline.
        var discarding = false
        while StandardStreams.read(from: 0, appendingTo: &buffer, scratch: &scratch) != nil {
            var lineStart = 0
            while let newline = buffer[scanFrom...].firstIndex(of: UInt8(ascii: "\n")) {
                if discarding {
                    discarding = false
                } else if newline - lineStart > Self.maximumInputBytes {
                    // The limit holds for every line, whether it arrived whole or in pieces.
                    writeLine(SkillError(.malformedRequest, "line longer than \(Self.maximumInputBytes) bytes").jsonBytes)
                } else {
                    await answer(line: buffer[lineStart..<newline])
                }
                lineStart = newline + 1
                scanFrom = lineStart
            }
            buffer.removeFirst(lineStart)
            scanFrom = buffer.count
            if buffer.count > Self.maximumInputBytes {
                if !discarding {
                    writeLine(SkillError(.malformedRequest, "line longer than \(Self.maximumInputBytes) bytes").jsonBytes)
                }
                discarding = true
                buffer.removeAll(keepingCapacity: true)
                scanFrom = 0
            }
        }
        if !buffer.isEmpty && !discarding { await answer(line: buffer[...]) }
        return 0
    }

    /// Requests are small; anything beyond this is not a request envelope.
    package static let maximumInputBytes = 1 << 20

    private func answer(line: ArraySlice<UInt8>) async {
        var line = line
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else {
            writeLine(SkillError(.malformedRequest, "empty line: expected a request envelope").jsonBytes)
            return
        }
        let result = await runner.handle(body: line)
        writeLine(result.body)
    }

    private func writeLine(_ bytes: [UInt8]) {
        StandardStreams.write(bytes + [UInt8(ascii: "\n")], to: 1)
    }

    package static func describe(_ error: SkillError) -> String {
        switch error.code {
        case .malformedRequest: "malformed request: \(error.message)"
        case .applicationIdMismatch: "wrong skill: \(error.message)"
        case .timestampOutOfRange: "stale request: \(error.message)"
        default: error.description
        }
    }
}

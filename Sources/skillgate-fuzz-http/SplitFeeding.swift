import SkillGateFuzzSupport
import SkillGateHTTP

/// The property the HTTP harness checks, one input at a time.
///
/// Input layout: the first byte's low three bits give how many split points follow (0–7), each
/// one byte scaled onto the rest, which is the stream.
enum SplitFeeding {
    /// Checks one input; aborts (through ``FuzzHarness/fail(_:input:)``) when the property breaks.
    static func check(_ input: [UInt8]) {
        let (stream, ends) = layout(input)
        let whole = ConnectionModel.events(for: stream, arrivingAt: [])
        let pieces = ConnectionModel.events(for: stream, arrivingAt: ends)
        guard pieces == whole else {
            FuzzHarness.fail("fed in pieces ending at \(ends): \(pieces)\nwhole: \(whole)", input: input)
        }
        if stream.count <= 1024 {
            let bytewise = ConnectionModel.events(for: stream, arrivingAt: Array(stride(from: 1, to: stream.count, by: 1)))
            guard bytewise == whole else { FuzzHarness.fail("fed a byte at a time: \(bytewise)\nwhole: \(whole)", input: input) }
        }
        let chunkedWhole = decodeChunked(stream, arrivingAt: [])
        let chunkedPieces = decodeChunked(stream, arrivingAt: ends)
        guard chunkedPieces == chunkedWhole else {
            FuzzHarness.fail("chunked in pieces ending at \(ends): \(chunkedPieces)\nwhole: \(chunkedWhole)", input: input)
        }
    }

    /// The stream and its split points.
    static func layout(_ input: [UInt8]) -> (stream: [UInt8], ends: [Int]) {
        guard let first = input.first else { return ([], []) }
        let count = min(Int(first & 0x07), input.count - 1)
        let stream = Array(input.dropFirst(1 + count))
        let ends = input.dropFirst().prefix(count).map { Int($0) * stream.count / 255 }
        return (stream, Array(Set(ends)).sorted())
    }

    /// The stream as a chunked body on its own: what the decoder made of it, fed in pieces.
    static func decodeChunked(_ stream: [UInt8], arrivingAt ends: [Int]) -> String {
        var decoder = ChunkedProbe(maxBodyBytes: ConnectionModel.maxBodyBytes)
        var body: [UInt8] = []
        var buffer: [UInt8] = []
        var consumed = 0
        var start = 0
        for end in ends + [stream.count] where end > start && end <= stream.count {
            buffer.append(contentsOf: stream[start..<end])
            start = end
            switch decoder.decode(buffer, into: &body) {
            case .failure(let refusal):
                return "refused \(refusal.status) \(refusal.message)"
            case .success(let count):
                buffer.removeFirst(count)
                consumed += count
            }
            if decoder.isDone { break }
        }
        return "done \(decoder.isDone), consumed \(consumed), body \(body)"
    }
}

/// Seeds: the request corpus wrapped as HTTP requests (Content-Length and chunked), pipelined
/// pairs, and heads that reach the parser's limits and refusals.
enum HTTPSeeds {
    static func all() -> [[UInt8]] {
        var seeds: [[UInt8]] = []
        for body in FuzzCorpus.requestBodies().prefix(40) {
            let small = Array(body.prefix(ConnectionModel.maxBodyBytes))
            let head = "POST /alexa HTTP/1.1\r\nHost: skill\r\nContent-Type: application/json\r\n"
            seeds.append(Array([UInt8(2), 70, 160] + Array((head + "Content-Length: \(small.count)\r\n\r\n").utf8) + small))
            var chunked = Array((head + "Transfer-Encoding: chunked\r\n\r\n").utf8)
            for piece in stride(from: 0, to: small.count, by: 300) {
                let part = small[piece..<min(piece + 300, small.count)]
                chunked += Array("\(String(part.count, radix: 16));ext=1\r\n".utf8) + part + Array("\r\n".utf8)
            }
            chunked += Array("0\r\nTrailer: x\r\n\r\n".utf8)
            seeds.append([UInt8(3), 10, 128, 250] + chunked)
        }
        let heads = [
            "GET / HTTP/1.1\r\nHost: a\r\n\r\nGET /two HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
            "\r\n\r\nPOST / HTTP/1.0\r\nContent-Length: 3\r\nConnection: keep-alive\r\n\r\nabcGET / HTTP/1.1\r\n\r\n",
            "POST / HTTP/1.1\nExpect: 100-continue\nContent-Length: 2\n\nhi",
            "GET /" + String(repeating: "x", count: 230) + " HTTP/1.1\r\n\r\n",
            "GET / HTTP/1.1\r\n" + String(repeating: "X-A: b\r\n", count: 14) + "\r\n",
            "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
            "POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
            "GET / HTTP/2.0\r\n\r\n", "BREW /pot HTTP/1.1\r\nHost:\r\n\r\n",
        ]
        seeds += heads.map { [UInt8(1), 100] + Array($0.utf8) }
        return seeds
    }
}

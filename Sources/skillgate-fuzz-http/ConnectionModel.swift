import SkillGateHTTP

/// What a server connection makes of a byte stream that arrives in pieces: the heads, bodies and
/// refusals in order, driving the real parser and decoder as `Connection.processInput` does
/// (skip empty lines, parse the head, read a `Content-Length` or chunked body, next request).
struct ConnectionModel {
    /// Small limits, so that every limit is reachable with small inputs.
    static let maxRequestLineBytes = 200
    static let maxHeaderBytes = 600
    static let maxHeaderCount = 12
    static let maxBodyBytes = 2000

    private enum Phase {
        case head
        case body(remaining: Int, received: [UInt8])
        case chunked(ChunkedProbe, body: [UInt8])
        case refused
    }

    private var parser = RequestHeadProbe(
        maxRequestLineBytes: maxRequestLineBytes, maxHeaderBytes: maxHeaderBytes, maxHeaderCount: maxHeaderCount,
        maxBodyBytes: maxBodyBytes)
    private var phase = Phase.head
    private var buffer: [UInt8] = []
    private var consumed = 0
    /// What happened, in order, with the stream offset where each thing ended.
    private(set) var events: [String] = []

    /// The events for `stream` arriving in pieces that end at `ends` (ascending; the stream's end is added).
    static func events(for stream: [UInt8], arrivingAt ends: [Int]) -> [String] {
        var model = ConnectionModel()
        var start = 0
        for end in ends + [stream.count] where end > start && end <= stream.count {
            model.buffer.append(contentsOf: stream[start..<end])
            start = end
            model.process()
        }
        model.finish()
        return model.events
    }

    private mutating func consume(_ count: Int) {
        buffer.removeFirst(count)
        consumed += count
    }

    private mutating func process() {
        while true {
            switch phase {
            case .head:
                if parser.isAtStart { consume(RequestHeadProbe.leadingEmptyLineBytes(buffer)) }
                if buffer.isEmpty { return }
                // As Connection.processInput does: a CR that ends the input may be half of a CRLF.
                if parser.isAtStart && buffer == [13] { return }
                switch parser.parse(buffer) {
                case .failure(let refusal):
                    // A head over both header limits is refused 431 for whichever the parser saw
                    // first, which depends on how the bytes arrived: compare the status alone then.
                    let reason = refusal.status == 431 ? "(a header limit)" : refusal.message
                    events.append("refused \(refusal.status) \(reason) after \(consumed)")
                    phase = .refused
                    return
                case .success(nil):
                    return
                case .success(let (head, used)?):
                    consume(used)
                    parser.reset()
                    events.append("head \(head) at \(consumed)")
                    switch head.framing {
                    case .none: break
                    case .length(let length): phase = .body(remaining: length, received: [])
                    case .chunked: phase = .chunked(ChunkedProbe(maxBodyBytes: Self.maxBodyBytes), body: [])
                    }
                }
            case .body(let remaining, var received):
                let take = min(remaining, buffer.count)
                received.append(contentsOf: buffer[0..<take])
                consume(take)
                guard take == remaining else {
                    phase = .body(remaining: remaining - take, received: received)
                    return
                }
                events.append("body \(received) at \(consumed)")
                phase = .head
            case .chunked(var decoder, var body):
                if buffer.isEmpty { return }
                switch decoder.decode(buffer, into: &body) {
                case .failure(let refusal):
                    // Not where: a refusal does not say how much of the last piece it had decoded.
                    events.append("chunked refused \(refusal.status) \(refusal.message)")
                    phase = .refused
                    return
                case .success(let count):
                    consume(count)
                    guard decoder.isDone else {
                        phase = .chunked(decoder, body: body)
                        return
                    }
                    events.append("chunked body \(body) at \(consumed)")
                    phase = .head
                }
            case .refused:
                return
            }
        }
    }

    /// Records where the stream ended: in which phase, with how many bytes left unconsumed.
    private mutating func finish() {
        switch phase {
        case .head: events.append("end in head, \(buffer.count) bytes waiting")
        case .body(let remaining, let received): events.append("end in body, \(received.count) received, \(remaining) missing")
        case .chunked(_, let body): events.append("end in chunked body, \(body.count) decoded, \(buffer.count) waiting")
        case .refused: events.append("end after refusal")
        }
    }
}

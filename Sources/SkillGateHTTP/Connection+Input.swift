#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension Connection {
    /// Reads until the socket is drained or a request is being answered.
    func readAvailable() {
        while true {
            switch phase {
            case .idle where isWriteBlocked:
                // Backpressure: no new request until the client reads the responses it has.
                mayHaveData = true
                return
            case .idle, .head, .body, .lingering:
                break
            case .responding, .closing:
                mayHaveData = true
                return
            case .closed:
                return
            }
            if phase == .lingering {
                input.clear()
            }
            guard input.makeRoom(limit: context.inputLimit) else {
                fail(status: 431, message: "request head larger than \(context.inputLimit) bytes")
                return
            }
            let free = input.freeCount
            switch readOnce() {
            case .bytes(let count):
                if phase == .lingering {
                    input.clear()
                } else {
                    processInput()
                }
                // A short read means the socket is drained, unless the peer also closed: the
                // EOF is then only seen by reading again (edge-triggered epoll will not repeat it).
                if count < free && !peerClosedInput {
                    mayHaveData = false
                    loop.rearm(fd, for: .read)
                    return
                }
            case .endOfInput:
                endOfInput()
                return
            case .drained:
                return
            case .interrupted:
                continue
            case .failed:
                closeNow()
                return
            }
        }
    }

    /// The client closed its side: nothing more can arrive. Requests already received are still
    /// answered, each in turn; the connection closes after the last.
    func endOfInput() {
        switch phase {
        case .idle where isWriteBlocked && hasBufferedRequestBytes:
            // Requests wait behind responses the client has not read yet; they are answered
            // once that output drains (see `resumeAfterBackpressure`).
            break
        case .idle, .head, .body:
            // No complete request is pending, so no new answer is owed; answers already made but
            // not yet written still go out (a backend without half-close reports may get here
            // before the flush at the end of the loop iteration).
            guard outputOffset < output.count else {
                closeNow()
                return
            }
            currentHead = nil
            body = []
            chunkedDecoder = nil
            phase = .closing
            closeAfterWrite = true
            flush()
        case .lingering:
            closeNow()
        case .responding, .closing, .closed:
            break
        }
    }

    /// Parses whatever is buffered: heads, bodies, and pipelined requests one at a time.
    func processInput() {
        while true {
            switch phase {
            case .idle where isWriteBlocked:
                return
            case .idle, .head:
                if parser.isAtStart {
                    let skip = RequestHeadParser.leadingEmptyLineBytes(input.readable)
                    if skip > 0 { input.consume(skip) }
                    // A CR that ends the input may be the first half of an empty line's CRLF split
                    // across reads: wait for the next byte instead of parsing it as a request line.
                    if input.readable.count == 1, input.readable[0] == ASCII.cr { return }
                }
                if input.isEmpty { return }
                if phase == .idle {
                    phase = .head
                    requestStart = loop.now
                    // The first request's head timeout runs from the accept, not from its first byte.
                    deadline = firstHeadDeadline != 0 ? firstHeadDeadline : loop.now + context.headerTimeout
                }
                let parsed: (RequestHead, Int)?
                do {
                    parsed = try parser.parse(input.readable)
                } catch {
                    fail(status: error.status, message: error.message)
                    return
                }
                guard let (head, used) = parsed else { return }
                input.consume(used)
                parser.reset()
                firstHeadDeadline = 0
                beginBody(head)
            case .body:
                if input.isEmpty { return }
                readBody()
            case .responding, .closing, .lingering, .closed:
                return
            }
        }
    }

    private func beginBody(_ head: RequestHead) {
        currentHead = head
        switch head.framing {
        case .none:
            requestReady()
        case .length(let length):
            if input.readableCount >= length {
                body = Array(UnsafeRawBufferPointer(rebasing: input.readable[0..<length]))
                input.consume(length)
                requestReady()
                return
            }
            body = []
            body.reserveCapacity(length)
            bodyRemaining = length
            startBodyPhase(head)
        case .chunked:
            body = []
            chunkedDecoder = ChunkedDecoder(maxBodyBytes: context.configuration.maxBodyBytes)
            startBodyPhase(head)
        }
    }

    private func startBodyPhase(_ head: RequestHead) {
        phase = .body
        deadline = loop.now + context.readTimeout
        if head.expectContinue && input.isEmpty {
            output.append(contentsOf: "HTTP/1.1 100 Continue\r\n\r\n".utf8)
            flush()
        }
    }

    /// Moves buffered body bytes into `body`, dispatching once it is complete.
    private func readBody() {
        if var decoder = chunkedDecoder {
            let consumed: Int
            do {
                consumed = try decoder.decode(input.readable, into: &body)
            } catch {
                switch error {
                case .tooLarge:
                    fail(status: 413, message: "body larger than \(context.configuration.maxBodyBytes) bytes")
                case .malformed(let reason):
                    fail(status: 400, message: reason)
                }
                return
            }
            input.consume(consumed)
            chunkedDecoder = decoder
            if decoder.isDone {
                chunkedDecoder = nil
                requestReady()
            }
            return
        }
        let take = min(bodyRemaining, input.readableCount)
        body.append(contentsOf: UnsafeRawBufferPointer(rebasing: input.readable[0..<take]))
        input.consume(take)
        bodyRemaining -= take
        if bodyRemaining == 0 {
            requestReady()
        }
    }

    /// The request is complete: `OPTIONS *` asks about the server itself, so the server answers it
    /// (RFC 9110 §9.3.7); every other request goes to the responder.
    private func requestReady() {
        guard let head = currentHead, head.method == "OPTIONS", head.target == "*" else {
            dispatch()
            return
        }
        // Answered through the loop like a responder's response, so pipelined `OPTIONS *`
        // requests are taken one per turn rather than by recursion.
        phase = .responding
        sequence &+= 1
        let sequence = self.sequence
        deadline = .max
        currentPath = "*"
        body = []
        let response = HTTPResponse(status: 204, headers: ["Allow": RequestHeadParser.allowedMethods])
        loop.execute { self.complete(sequence: sequence, response: response) }
    }

    /// Whether bytes of a further request (more than empty lines) are already buffered.
    var hasBufferedRequestBytes: Bool {
        RequestHeadParser.leadingEmptyLineBytes(input.readable) < input.readableCount
    }

    /// Reads whatever the socket already holds into the buffer without parsing it, so that a
    /// response can tell whether another request follows it (during a drain, or after the client
    /// half-closed). Stops when the socket is empty, at end of input, or when the buffer is full.
    func pullPendingBytes() {
        while true {
            guard input.makeRoom(limit: context.inputLimit) else { return }
            switch readOnce() {
            case .bytes, .interrupted:
                continue
            case .endOfInput, .drained:
                return
            case .failed:
                // Left for the next read, which closes the connection on the error.
                mayHaveData = true
                return
            }
        }
    }

    /// What one `read(2)` into the input buffer found.
    enum ReadOutcome {
        /// This many bytes, now in the buffer.
        case bytes(Int)
        /// The client closed its side (recorded in `peerClosedInput`).
        case endOfInput
        /// Nothing more for now; the socket is re-armed for reading.
        case drained
        /// A signal interrupted the call: read again.
        case interrupted
        /// The socket failed.
        case failed
    }

    /// One `read(2)` into the free part of the buffer (which must have room), with the state
    /// changes every reader makes: end of input and an empty socket end `mayHaveData`.
    @inline(__always)
    func readOnce() -> ReadOutcome {
        let count = read(fd, input.writePointer, input.freeCount)
        if count > 0 {
            input.didWrite(count)
            return .bytes(count)
        }
        if count == 0 {
            peerClosedInput = true
            mayHaveData = false
            return .endOfInput
        }
        switch errno {
        case EAGAIN, EWOULDBLOCK:
            mayHaveData = false
            loop.rearm(fd, for: .read)
            return .drained
        case EINTR:
            return .interrupted
        default:
            return .failed
        }
    }
}

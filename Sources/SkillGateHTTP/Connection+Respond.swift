import SkillGateLogging
extension Connection {
    /// Hands the complete request to the responder as a task on the loop's ``HandlerWorker`` (never
    /// on this I/O thread, so a slow or blocking handler stalls only its own connection); the
    /// reply comes back to the loop thread through ``EventLoop/execute(_:)``.
    func dispatch() {
        guard let head = currentHead else { return }
        phase = .responding
        sequence &+= 1
        let sequence = self.sequence
        deadline = .max
        let request = HTTPRequest(
            method: head.method, target: head.target, headers: head.headers, body: body,
            remoteAddress: remoteAddress, versionMinor: head.versionMinor
        )
        currentPath = request.path
        body = []
        let responder = context.responder
        let loop = self.loop
        let reply = HTTPReply { response in
            loop.execute { self.complete(sequence: sequence, response: response) }
        }
        task = Task(executorPreference: loop.handlerWorker) {
            await responder.respond(to: request, reply: reply)
        }
    }

    /// Receives the responder's reply on the loop thread; ignored if the connection closed meanwhile
    /// or the request was answered already.
    func complete(sequence: UInt64, response: HTTPResponse) {
        guard phase == .responding, sequence == self.sequence else { return }
        // A responder that replied before it was done (at its deadline) is no longer wanted.
        task?.cancel()
        task = nil
        respond(with: response)
    }

    /// Serializes a response to the current request, then continues with the next one or closes.
    private func respond(with response: HTTPResponse) {
        guard let head = currentHead else { return }
        var close = !head.keepAlive || Self.asksToClose(response)
        if !close && (loop.draining || peerClosedInput) {
            // Draining, or the client half-closed: every request that reached the socket is still
            // answered. Close after this response only if no further request is already here.
            pullPendingBytes()
            close = !hasBufferedRequestBytes
        }
        let bodyBytes = ResponseSerializer.append(
            response, to: &output, includeBody: head.method != "HEAD", keepAlive: !close, date: loop.currentDate()
        )
        if context.configuration.accessLog {
            logAccess(method: head.method, status: response.status, bytes: bodyBytes, fields: response.logFields)
        }
        currentHead = nil
        if close {
            phase = .closing
            closeAfterWrite = true
            flush()
            return
        }
        phase = .idle
        deadline = loop.now + context.idleTimeout
        if loop.draining { drain() }
        if output.count - outputOffset > ServerContext.outputHighWater {
            // Large or many pipelined responses: write now, so a client that does not read
            // blocks further parsing (see `isWriteBlocked`) instead of growing the buffer.
            flush()
            guard phase == .idle else { return }
        }
        processInput()
        guard phase != .closed else { return }
        loop.scheduleFlush(self)
        if mayHaveData {
            readAvailable()
        }
        if peerClosedInput && !mayHaveData {
            // Half-closed and no complete request left: close once the responses are out.
            endOfInput()
        }
    }

    /// Refuses the request being read with an error status, then closes the connection.
    func fail(status: Int, message: String) {
        let response = HTTPResponse.error(status: status, message: message)
        // An answer to HEAD has no body (RFC 9110 §9.3.2), also when the head itself was refused.
        let isHead = currentHead.map { $0.method == "HEAD" } ?? RequestHeadParser.startsWithHEAD(input.readable)
        let bodyBytes = ResponseSerializer.append(
            response, to: &output, includeBody: !isHead, keepAlive: false, date: loop.currentDate()
        )
        if context.configuration.accessLog {
            if requestStart == 0 { requestStart = loop.now }
            logAccess(
                method: currentHead?.method ?? "-", status: status, bytes: bodyBytes, fields: [("error", message)]
            )
        }
        currentHead = nil
        body = []
        chunkedDecoder = nil
        input.clear()
        phase = .closing
        closeAfterWrite = true
        flush()
    }

    /// Answers 503 (JSON body, `Retry-After`) to a connection refused by a connection limit, then closes it.
    /// - Parameter reason: which limit, e.g. `the server is at its limit of 1024 connections`.
    func refuse(_ reason: String) {
        context.logger.warning("refusing a connection: \(reason)", metadata: ["remote": remoteAddress])
        ResponseSerializer.append(
            EventLoop.refusal(reason), to: &output, includeBody: true, keepAlive: false, date: loop.currentDate())
        phase = .closing
        closeAfterWrite = true
        flush()
    }

    /// Whether the responder set `Connection: close`.
    private static func asksToClose(_ response: HTTPResponse) -> Bool {
        for field in response.headers where field.name.equalsCaseInsensitively("connection") {
            if ASCII.lowercasedTokens(field.value).contains("close") { return true }
        }
        return false
    }

    /// One access-log line at info level: `POST /alexa 200 1.23ms 456B key=value …` in text (the
    /// response's log fields in their order), or, in JSON, the message `POST /alexa 200` with
    /// `method`, `path`, `status`, `durationMs`, `bytes` and the log fields as members. The logger
    /// adds the time; the path never has its query (which may hold secrets).
    private func logAccess(method: String, status: Int, bytes: Int, fields: [(String, String)]) {
        let micros = (MonotonicClock.now() &- requestStart) / 1000
        let hundredths = (micros % 1000) / 10
        let duration = "\(micros / 1000).\(hundredths < 10 ? "0" : "")\(hundredths)"
        switch context.logger.format {
        case .text:
            // `POST / 200 0.42ms 408B requestId=…`, appended into one reserved string.
            var size = method.utf8.count + currentPath.utf8.count + duration.utf8.count + 24
            for (key, value) in fields { size += key.utf8.count + value.utf8.count + 2 }
            var line = ""
            line.reserveCapacity(size)
            line += method
            line += " "
            line += currentPath
            line += " "
            line += String(status)
            line += " "
            line += duration
            line += "ms "
            line += String(bytes)
            line += "B"
            for (key, value) in fields {
                line += " "
                line += key
                line += "="
                line += value
            }
            context.logger.info(line)
        case .json:
            var metadata: Logger.Metadata = [
                "method": method, "path": currentPath, "status": String(status), "durationMs": duration, "bytes": String(bytes),
            ]
            for (key, value) in fields { metadata[key] = value }
            context.logger.info("\(method) \(currentPath) \(status)", metadata: metadata)
        }
        currentPath = "-"
    }
}

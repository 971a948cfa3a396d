import Synchronization
/// One request as the client's queue runs it.
struct Exchange: Sendable {
    var target: ClientTarget
    var method: String
    /// The serialized request.
    var request: [UInt8]
    var deadline: ContinuousClock.Instant?
    var maxBodyBytes: Int
    /// Whether a request written to a reused connection that closed before answering is sent
    /// once more on a fresh one (false for requests that must never arrive twice).
    var retryOnStaleConnection = true
}

extension HTTPClient {
    /// Runs one exchange on the client's queue: reuses the kept-alive connection when it is for the same
    /// origin, replaces it when it is found closed before the request is written, and (unless the
    /// exchange says otherwise) retries once on a fresh connection when a reused one closes
    /// before any response byte arrives.
    func perform(_ exchange: Exchange, id: UInt64) throws -> HTTPClientResponse {
        drainInterrupt()
        let start = state.withLock { state -> Result<ClientConnection?, any Error> in
            if state.closed { return .failure(Self.closedError) }
            if state.cancelledIDs.remove(id) != nil { return .failure(CancellationError()) }
            state.activeID = id
            defer { state.connection = nil }
            return .success(state.connection)
        }
        var connection = try start.get()
        if let kept = connection, kept.origin != exchange.target.origin {
            kept.close()
            connection = nil
        }
        var outcome: Result<HTTPClientResponse, any Error>
        var retried = false
        var sent = false
        while true {
            var reused = connection != nil
            do {
                if let kept = connection, !kept.isReusable {
                    // Closed while idle: nothing was written, so a fresh connection is always safe.
                    kept.close()
                    connection = nil
                    reused = false
                }
                let current = try connection ?? openConnection(to: exchange.target.origin, deadline: exchange.deadline)
                connection = current
                sent = true
                try current.writeAll(exchange.request, deadline: exchange.deadline, interruptFD: interruptReadFD)
                let (response, reusable) = try ClientResponseReader.read(
                    from: current, method: exchange.method, maxBodyBytes: exchange.maxBodyBytes, deadline: exchange.deadline,
                    interruptFD: interruptReadFD
                )
                if !reusable {
                    current.close()
                    connection = nil
                }
                outcome = .success(response)
            } catch let error as ClientIOError {
                let head = connection?.receivedHead
                connection?.close()
                connection = nil
                if reused && !retried && exchange.retryOnStaleConnection, case .closed(receivedResponseBytes: false) = error {
                    retried = true
                    continue
                }
                outcome = .failure(mapError(error, exchange: exchange, requestSent: sent, partialResponse: head))
            } catch {
                connection?.close()
                connection = nil
                outcome = .failure(error)
            }
            break
        }
        let keep = connection
        state.withLock { state in
            state.activeID = nil
            state.cancelledIDs.remove(id)
            if state.closed {
                keep?.close()
            } else {
                state.connection = keep
            }
        }
        return try outcome.get()
    }

    /// Gets TLS ready (for `https`) and connects.
    private func openConnection(to origin: ClientOrigin, deadline: ContinuousClock.Instant?) throws(ClientIOError) -> ClientConnection {
        if origin.scheme == .https, let tls {
            do {
                try tls.prepare()
            } catch {
                throw .tls(error)
            }
        }
        return try ClientConnection.connect(to: origin, tls: tls, deadline: deadline, interruptFD: interruptReadFD)
    }

    static var closedError: HTTPClientError {
        HTTPClientError(kind: .clientClosed, description: "the HTTP client was closed")
    }

    /// The public error for an I/O failure, naming the server, with whether the request may have
    /// arrived and the head of a response cut off in its body.
    private func mapError(
        _ error: ClientIOError, exchange: Exchange, requestSent: Bool, partialResponse: HTTPClientResponse?
    ) -> any Error {
        let mapped = mapError(error, exchange: exchange)
        guard var clientError = mapped as? HTTPClientError else { return mapped }
        clientError.requestSent = requestSent
        clientError.partialResponse = partialResponse
        return clientError
    }

    /// The public error for an I/O failure, naming the server.
    private func mapError(_ error: ClientIOError, exchange: Exchange) -> any Error {
        let target = exchange.target.origin.display
        switch error {
        case .interrupted:
            let closed = state.withLock { $0.closed }
            return closed ? Self.closedError : CancellationError()
        case .timedOut:
            return HTTPClientError(kind: .timedOut, description: "no complete response from \(target) within the timeout")
        case .closed:
            return HTTPClientError(
                kind: .connectionClosed, description: "\(target) closed the connection before sending a complete response")
        case .hostNotFound(let reason):
            return HTTPClientError(kind: .hostNotFound, description: "\(reason); check the host name and this machine's DNS")
        case .connectFailed(let reason, let code):
            return HTTPClientError(kind: .connectionFailed, description: "\(reason); is the server running?", systemErrorCode: code)
        case .system(let call, let code):
            return HTTPClientError(
                kind: .connectionFailed, description: "\(call) to \(target) failed: \(SystemError.message(code))", systemErrorCode: code)
        case .malformed(let reason):
            return HTTPClientError(kind: .malformedResponse, description: "malformed response from \(target): \(reason)")
        case .tooLarge:
            return HTTPClientError(
                kind: .responseTooLarge, description: "response from \(target) is larger than \(exchange.maxBodyBytes) bytes")
        case .tlsUnavailable:
            return HTTPClientError(
                kind: .tlsUnavailable,
                description: "\(target) needs TLS, but this HTTPClient has none: create it with SkillGateHTTPS "
                    + "(HTTPClient.https(…)) or pass a tls: implementation")
        case .tls(let failure):
            return HTTPClientError(kind: Self.kind(of: failure), description: failure.description)
        }
    }

    private static func kind(of failure: HTTPClientTLSFailure) -> HTTPClientError.Kind {
        switch failure.kind {
        case .setupFailed: .tlsSetupFailed
        case .untrustedCertificate: .untrustedCertificate
        case .hostnameMismatch: .hostnameMismatch
        case .protocolFailed: .tlsFailed
        case .connectionClosed: .connectionClosed
        case .connectionFailed: .connectionFailed
        case .timedOut: .timedOut
        case .interrupted: .clientClosed
        }
    }
}

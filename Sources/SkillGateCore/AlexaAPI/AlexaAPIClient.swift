/// The Alexa service APIs for one request (`context.alexa`), called at the request's
/// `context.System.apiEndpoint` with its `apiAccessToken` as the bearer token.
///
/// ```swift
/// Intent("OrderRideFromHereIntent", linking: .required) { _, context in
///     let address = try await context.alexa.deviceAddress()    // 403 → the consent card, by itself
///     return .ask("A ride from \(address.addressLine1 ?? "here")? Where to?")
/// }
/// .requiring(.permissions(.deviceAddress))
/// ```
/// Each call is bounded by ``AlexaAPIOptions/callTimeout`` and by the handler's remaining time;
/// failures are ``AlexaAPIError``s. The token is never logged.
public struct AlexaAPIClient: Sendable {
    /// The request the calls are for.
    public let context: RequestContext

    /// Creates the client for a request.
    /// - Parameter context: the request.
    public init(context: RequestContext) { self.context = context }

    /// `context.System.apiEndpoint` without a trailing `/`, when the request has one.
    public var endpoint: String? {
        guard var endpoint = context.envelope.context?.system.apiEndpoint, !endpoint.isEmpty else { return nil }
        while endpoint.hasSuffix("/") { endpoint.removeLast() }
        return endpoint
    }

    /// One call: checks the request can make it, sends it within the time left, and maps the
    /// status. Returns 2xx responses only.
    /// - Parameters:
    ///   - api: the API's name for messages.
    ///   - method: `GET` or `POST`.
    ///   - path: the path below the endpoint, starting with `/`.
    ///   - body: a JSON body, for `POST`.
    ///   - permission: the permission a 403 means is missing; nil when a 403 means a bad token.
    func call(_ api: String, method: String = "GET", path: String, body: [UInt8]? = nil, permission: Permission?)
        async throws(AlexaAPIError) -> AlexaAPIResponse
    {
        guard let endpoint else { throw noEndpoint(api) }
        guard endpoint.lowercased().hasPrefix("https://") else {
            throw fail(
                .noEndpoint, api, "context.System.apiEndpoint '\(endpoint)' is not an https:// URL; the API token is sent only over HTTPS")
        }
        guard let token = context.envelope.context?.system.apiAccessToken, !token.isEmpty else {
            throw fail(.noEndpoint, api, "the request has no context.System.apiAccessToken to call \(endpoint) with")
        }
        guard let options = context.services?.alexaAPI, let transport = options.transport else {
            throw fail(
                .transportUnavailable, api,
                "no Alexa API transport: build with SkillGate's HTTPEndpoint trait (it brings HTTPS), or pass one as RunnerOptions(alexaAPI: AlexaAPIOptions(transport: …)), or to SkillTester as alexaAPI:"
            )
        }
        guard let timeout = Self.callTimeout(until: context.deadline, options: options) else {
            throw fail(.timedOut, api, "no time left before the handler's deadline to call \(endpoint)")
        }
        var headers = ["Accept": "application/json"]
        if body != nil { headers["Content-Type"] = "application/json" }
        let request = AlexaAPIRequest(method: method, url: endpoint + path, headers: headers, body: body ?? [], bearerToken: token)
        let started = ContinuousClock.now
        let response: AlexaAPIResponse
        do {
            response = try await transport.send(request, timeout: timeout)
        } catch let error as AlexaAPITransportError {
            throw failure(of: error, api: api, timeout: timeout)
        } catch is CancellationError {
            throw fail(.timedOut, api, "the call to \(endpoint) was cancelled: the handler's deadline passed")
        } catch {
            throw fail(.serviceUnavailable(status: nil), api, "\(method) \(endpoint + path) failed: \(error)")
        }
        let elapsed = ContinuousClock.now - started
        context.log(.debug, "\(api) answered", metadata: ["status": String(response.status), "ms": Self.milliseconds(elapsed)])
        return try check(response, api: api, request: request, permission: permission)
    }

    /// The timeout of a call starting at `now`: the per-call cap, or the time left before
    /// `deadline` less the answer reserve, whichever is less; nil when no time is left.
    static func callTimeout(until deadline: ContinuousClock.Instant, now: ContinuousClock.Instant = .now, options: AlexaAPIOptions)
        -> Duration?
    {
        let remaining = deadline - now - options.answerReserve
        guard remaining > .zero else { return nil }
        return min(options.callTimeout, remaining)
    }

    /// The response when it is 2xx; otherwise the error its status means.
    private func check(_ response: AlexaAPIResponse, api: String, request: AlexaAPIRequest, permission: Permission?)
        throws(AlexaAPIError) -> AlexaAPIResponse
    {
        switch response.status {
        case 200..<300:
            return response
        case 403:
            guard let permission else { throw unauthorized(response.status, api, request) }
            throw fail(
                .permissionDenied(permission), api,
                "403 for \(request): the user has not granted \(permission.cardName) (or revoked it); if the handler lets this propagate, the user gets the consent card"
            )
        case 401:
            throw unauthorized(response.status, api, request)
        case 429, 500..<600:
            throw fail(
                .serviceUnavailable(status: response.status), api,
                "\(response.status) for \(request): the API is unavailable or throttled; try again later")
        default:
            throw fail(.unexpectedStatus(response.status), api, "\(response.status) for \(request), which the \(api) does not document")
        }
    }

    private func unauthorized(_ status: Int, _ api: String, _ request: AlexaAPIRequest) -> AlexaAPIError {
        fail(
            .unauthorized, api,
            "\(status) for \(request): Alexa rejected the request's apiAccessToken, which is valid only while Alexa waits for this request's answer (a replayed or recorded request?)"
        )
    }

    /// The API error for a transport failure.
    private func failure(of error: AlexaAPITransportError, api: String, timeout: Duration) -> AlexaAPIError {
        switch error.kind {
        case .timedOut: fail(.timedOut, api, "no answer within \(timeout): \(error.description)")
        case .connectionFailed: fail(.serviceUnavailable(status: nil), api, error.description)
        case .unavailable: fail(.transportUnavailable, api, error.description)
        }
    }

    /// The error for a request without `context.System.apiEndpoint` (offline requests: replays,
    /// tests, load tests), checked first by ``call(_:method:path:body:permission:)`` and by callers
    /// that would otherwise build a body for nothing.
    func noEndpoint(_ api: String) -> AlexaAPIError {
        fail(.noEndpoint, api, "the request has no context.System.apiEndpoint, so there is no Alexa API to call")
    }

    /// The error, logged at debug (the handler may well catch it; the runner logs what it does not).
    func fail(_ kind: AlexaAPIError.Kind, _ api: String, _ message: String) -> AlexaAPIError {
        let error = AlexaAPIError(kind, api: api, message: message, context: context)
        context.log(.debug, "\(error.description)")
        return error
    }

    /// Whole milliseconds, for log lines.
    static func milliseconds(_ duration: Duration) -> String {
        String(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }
}

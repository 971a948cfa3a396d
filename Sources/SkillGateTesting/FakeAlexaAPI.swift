public import SkillGateCore
import Synchronization

/// A fake Alexa API for unit tests of handlers that call `context.alexa`: it answers from a
/// table by path or from a closure, and records every request it was sent.
///
/// ```swift
/// let api = FakeAlexaAPI(responses: [
///     "/v1/devices/amzn1.ask.device.TEST/settings/address": .json(["addressLine1": "410 Terry Ave North"]),
/// ])
/// let tester = try SkillTester(RideHailer(), alexaAPI: api)
/// let response = await tester.send(TestRequest.intent("OrderRideFromHereIntent", token: "t").permissions(consentToken: "c"))
/// #expect(api.requests.first?.bearerToken.value == "test-api-access-token")
/// ```
public final class FakeAlexaAPI: AlexaAPITransport {
    private let respond: @Sendable (AlexaAPIRequest, Duration) async throws -> AlexaAPIResponse
    private let recorded = Mutex<[AlexaAPIRequest]>([])

    /// A fake that answers with `respond`.
    /// - Parameter respond: the response for a request and its timeout; throw
    ///   ``/SkillGateCore/AlexaAPITransportError`` to act out a timeout or a connection failure.
    public init(_ respond: @escaping @Sendable (AlexaAPIRequest, Duration) async throws -> AlexaAPIResponse) {
        self.respond = respond
    }

    /// A fake that answers by path (the URL without its `https://host`): unlisted paths get 404.
    /// - Parameter responses: the response for each path, e.g. `/v2/accounts/~current/settings/Profile.email`.
    public convenience init(responses: [String: AlexaAPIResponse]) {
        self.init { request, _ in responses[Self.path(of: request.url)] ?? AlexaAPIResponse(status: 404) }
    }

    /// Every request sent so far, in order.
    public var requests: [AlexaAPIRequest] { recorded.withLock { $0 } }

    /// Records the request and answers it.
    /// - Parameters:
    ///   - request: the request.
    ///   - timeout: the call's timeout, passed to the closure.
    /// - Returns: the closure's response.
    /// - Throws: what the closure throws.
    public func send(_ request: AlexaAPIRequest, timeout: Duration) async throws -> AlexaAPIResponse {
        recorded.withLock { $0.append(request) }
        return try await respond(request, timeout)
    }

    /// The path (and query) of an absolute URL.
    /// - Parameter url: e.g. `https://api.amazonalexa.com/v1/directives`.
    /// - Returns: e.g. `/v1/directives`.
    public static func path(of url: String) -> String {
        guard let colon = url.firstIndex(of: ":"), url[colon...].hasPrefix("://") else { return url }
        let rest = url[colon...].dropFirst(3)
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }
}

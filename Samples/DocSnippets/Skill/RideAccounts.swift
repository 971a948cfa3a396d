import SkillGate

/// A Ride Hailer customer, as the ride service knows them: the skill's `Account` type.
struct RideProfile: Sendable {
    let name: String
    let payment: String
}

/// Why the ride service could not answer.
enum RideServiceError: Error {
    /// The service does not know the token (expired, revoked, never issued).
    case unknownToken
    /// The service is down or too slow.
    case unavailable
}

/// The ride service behind the skill, in memory: profiles by access token.
struct RideService: Sendable {
    let profiles: [String: RideProfile]
    let outageTokens: Set<String>

    /// Alice and Bob; `demo-token-outage` stands for a service that is down.
    static let demo = RideService(
        profiles: [
            "demo-token-alice": RideProfile(name: "Alice", payment: "Visa ending in 4242"),
            "demo-token-bob": RideProfile(name: "Bob", payment: "Mastercard ending in 5555"),
        ],
        outageTokens: ["demo-token-outage"])

    func profile(for token: AccessToken) async throws(RideServiceError) -> RideProfile {
        if outageTokens.contains(token.value) { throw .unavailable }
        guard let profile = profiles[token.value] else { throw .unknownToken }
        return profile
    }
}

struct RideAccounts: AccountResolver {
    let service: RideService

    func resolve(_ token: AccessToken, context: RequestContext) async -> AccountResolution<RideProfile> {
        do {
            return .linked(try await service.profile(for: token))
        } catch .unknownToken {
            return .invalid  // expired or revoked: the link prompt and a LinkAccount card
        } catch {
            return .unavailable  // down or slow: "try again later", and no card
        }
    }
}

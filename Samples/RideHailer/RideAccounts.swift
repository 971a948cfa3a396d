import SkillGate

/// A Ride Hailer customer's profile, as the ride service knows it.
struct RideProfile: Sendable {
    /// A ride on its way.
    struct ActiveRide: Sendable {
        let destination: String
        let driver: String
        let car: String
        let etaMinutes: Int
    }

    let name: String
    let payment: String
    /// Saved places by name: `work`, `home`.
    let locations: [String: String]
    let activeRide: ActiveRide?
}

/// Why the ride service could not answer.
enum RideServiceError: Error, SpeakableError {
    /// The token is not (or no longer) a Ride Hailer account.
    case unknownAccount
    /// The service is down.
    case unavailable

    func response(locale: String) -> SkillResponse {
        switch self {
        case .unknownAccount: .linkAccount(RideHailer.linkPrompt)
        case .unavailable: .tell("Sorry, Ride Hailer can't reach your account right now. Please try again in a little while.")
        }
    }
}

/// The ride service behind the skill: accounts by access token. As the skill's
/// `AccountResolver`, it is asked once per gated request; handlers read `context.account`.
protocol RideAccounts: AccountResolver where Account == RideProfile {
    /// The profile for a linked user's token.
    func profile(for token: AccessToken) async throws(RideServiceError) -> RideProfile
}

extension RideAccounts {
    /// Known token → linked; unknown → invalid (link prompt); service down → unavailable (no card).
    func resolve(_ token: AccessToken, context: RequestContext) async -> AccountResolution<RideProfile> {
        do {
            return .linked(try await profile(for: token))
        } catch .unknownAccount {
            return .invalid
        } catch {
            return .unavailable
        }
    }
}

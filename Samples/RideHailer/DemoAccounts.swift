#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import SkillGate

/// The demo ride service: profiles from `Data/accounts.json` (token → profile).
///
/// The file is found through `RIDE_HAILER_ACCOUNTS`, then beside the sources, then beside the
/// binary (a Lambda zip). A profile with `"simulateOutage": true`, or `RIDE_HAILER_OUTAGE=1`,
/// makes the service unavailable; a file that cannot be read does too (a server that is down).
struct DemoAccounts: RideAccounts {
    private let profiles: [String: RideProfile]
    private let outageTokens: Set<String>
    private let outage: Bool

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let candidates = [
            environment["RIDE_HAILER_ACCOUNTS"],
            Self.directory(of: #filePath) + "/Data/accounts.json",
            Self.directory(of: CommandLine.arguments.first ?? "./ride-hailer") + "/accounts.json",
        ].compactMap { $0 }
        let loaded = candidates.lazy.compactMap { FileManager.default.contents(atPath: $0) }.first
        var profiles: [String: RideProfile] = [:]
        var outageTokens: Set<String> = []
        if let loaded, let json = try? JSONParser.parse([UInt8](loaded)), let accounts = json["accounts"]?.objectValue {
            for member in accounts {
                if member.value["simulateOutage"]?.boolValue == true { outageTokens.insert(member.key) }
                profiles[member.key] = Self.profile(from: member.value)
            }
        }
        self.profiles = profiles
        self.outageTokens = outageTokens
        self.outage = loaded == nil || ["1", "true", "yes"].contains(environment["RIDE_HAILER_OUTAGE"]?.lowercased() ?? "")
    }

    func profile(for token: AccessToken) async throws(RideServiceError) -> RideProfile {
        if outage || outageTokens.contains(token.value) { throw .unavailable }
        guard let profile = profiles[token.value] else { throw .unknownAccount }
        return profile
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }

    private static func profile(from json: JSONValue) -> RideProfile {
        var locations: [String: String] = [:]
        for member in json["locations"]?.objectValue ?? [:] {
            locations[member.key] = member.value.stringValue
        }
        var activeRide: RideProfile.ActiveRide?
        if let ride = json["activeRide"] {
            activeRide = RideProfile.ActiveRide(
                destination: ride["destination"]?.stringValue ?? "work", driver: ride["driver"]?.stringValue ?? "your driver",
                car: ride["car"]?.stringValue ?? "a car", etaMinutes: ride["etaMinutes"]?.intValue ?? 5)
        }
        return RideProfile(
            name: json["name"]?.stringValue ?? "there", payment: json["payment"]?.stringValue ?? "your saved payment method",
            locations: locations, activeRide: activeRide)
    }
}

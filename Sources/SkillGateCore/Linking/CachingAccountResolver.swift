import Synchronization

/// Remembers resolved accounts per token for a while, so a multi-turn conversation looks its
/// user up once instead of on every turn. Off unless a skill wraps its resolver in it.
///
/// Only `.linked` results are cached; `.invalid` and `.unavailable` are asked again next time.
/// Entries are keyed by the token's value and held in memory only; the cache drops its oldest
/// entries when it is full.
///
/// ```swift
/// let accounts = CachingAccountResolver(RideAccounts(), timeToLive: .seconds(300))
/// ```
public struct CachingAccountResolver<Base: AccountResolver>: AccountResolver {
    private struct Entry {
        let account: Base.Account
        let expires: ContinuousClock.Instant
    }

    private final class Storage: Sendable {
        let entries = Mutex<[String: Entry]>([:])
    }

    private let base: Base
    private let timeToLive: Duration
    private let capacity: Int
    private let storage = Storage()

    /// Wraps a resolver.
    /// - Parameters:
    ///   - base: the resolver that does the lookups.
    ///   - timeToLive: how long a resolved account is reused.
    ///   - capacity: the most tokens remembered at once.
    public init(_ base: Base, timeToLive: Duration, capacity: Int = 10_000) {
        self.base = base
        self.timeToLive = timeToLive
        self.capacity = max(1, capacity)
    }

    /// The cached account while it is fresh, otherwise the base resolver's answer.
    public func resolve(_ token: AccessToken, context: RequestContext) async -> AccountResolution<Base.Account> {
        let now = ContinuousClock.now
        if let cached = storage.entries.withLock({ $0[token.value] }), cached.expires > now {
            return .linked(cached.account)
        }
        let resolution = await base.resolve(token, context: context)
        if case .linked(let account) = resolution {
            let entry = Entry(account: account, expires: now.advanced(by: timeToLive))
            storage.entries.withLock { entries in
                if entries.count >= capacity { evict(&entries, now: now) }
                entries[token.value] = entry
            }
        }
        return resolution
    }

    /// Drops expired entries, then the soonest-expiring ones until there is room.
    private func evict(_ entries: inout [String: Entry], now: ContinuousClock.Instant) {
        entries = entries.filter { $0.value.expires > now }
        guard entries.count >= capacity else { return }
        let surplus = entries.count - capacity + 1
        for key in entries.sorted(by: { $0.value.expires < $1.value.expires }).prefix(surplus).map(\.key) {
            entries[key] = nil
        }
    }
}

/// Which request field persistent attributes are stored under.
///
/// `.userId` is the default, as in the ASK SDKs' persistence adapters (an Alexa account's
/// userId for this skill), so a skill moving from the Node.js or Python SDK finds its data.
public struct PersistenceKey: Sendable, CustomStringConvertible {
    /// The strategy's name, for messages (`userId`, `deviceId`, `personId`).
    public let name: String
    private let extract: @Sendable (RequestEnvelope) -> String?

    /// A custom key.
    /// - Parameters:
    ///   - name: a name for messages, e.g. `householdId`.
    ///   - extract: the key for a request, or nil when the request has none.
    public init(name: String, _ extract: @escaping @Sendable (RequestEnvelope) -> String?) {
        self.name = name
        self.extract = extract
    }

    /// `context.System.user.userId` (the ASK SDKs' default).
    public static let userId = PersistenceKey(name: "userId") { $0.user?.userId }

    /// `context.System.device.deviceId`: one set of attributes per Echo device.
    public static let deviceId = PersistenceKey(name: "deviceId") { $0.context?.system.device?.deviceId }

    /// The recognised speaker's `context.System.person.personId`, falling back to the userId when
    /// Alexa recognised no one (the ASK SDKs' `personId` generator).
    public static let personId = PersistenceKey(name: "personId") { $0.person?.personId ?? $0.user?.userId }

    /// The key for a request; nil or empty when the request has no such field.
    /// - Parameter envelope: the request.
    public func key(for envelope: RequestEnvelope) -> String? {
        guard let key = extract(envelope), !key.isEmpty else { return nil }
        return key
    }

    /// The strategy's name.
    public var description: String { name }
}

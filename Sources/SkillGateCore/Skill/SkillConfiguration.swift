/// A skill's settings, in Hummingbird's style: a `Sendable` struct with defaulted parameters.
public struct SkillConfiguration: Sendable {
    /// The skill's spoken name, used in the default prompts ("… link your Ride Hailer account").
    public var name: String
    /// The skill IDs this skill answers; empty turns the applicationId check off (with a warning).
    /// `--skill-id` and the `SKILL_ID` environment variable replace these at run time.
    public var applicationIDs: [String]
    /// What an unlinked user hears on a `.required` route; nil uses the localized default.
    public var linkPrompt: LocalizedText?
    /// Replies SkillGate speaks on the skill's behalf (unavailable service, errors, fallback).
    public var messages: SkillMessages

    /// Creates a configuration.
    /// - Parameters:
    ///   - name: the skill's spoken name.
    ///   - applicationID: the skill ID, when there is one.
    ///   - applicationIDs: more skill IDs (e.g. development and live).
    ///   - linkPrompt: the prompt for unlinked users; nil for the localized default.
    ///   - messages: replies SkillGate speaks; localized defaults.
    public init(
        name: String, applicationID: String? = nil, applicationIDs: [String] = [], linkPrompt: LocalizedText? = nil,
        messages: SkillMessages = SkillMessages()
    ) {
        self.name = name
        self.applicationIDs = (applicationID.map { [$0] } ?? []) + applicationIDs
        self.linkPrompt = linkPrompt
        self.messages = messages
    }
}

/// The replies SkillGate speaks itself. Each is localized by default and can be overridden.
public struct SkillMessages: Sendable {
    /// When the account resolver reports `.unavailable`: "try again later", never a link card.
    public var serviceUnavailable: LocalizedText?
    /// When a handler fails with an error that has no reply of its own.
    public var error: LocalizedText?
    /// When an intent has no route and the skill declares no `Fallback`.
    public var fallback: LocalizedText?

    /// Creates messages; nil keeps the localized default.
    /// - Parameters:
    ///   - serviceUnavailable: the unavailable reply.
    ///   - error: the error reply.
    ///   - fallback: the fallback reply.
    public init(serviceUnavailable: LocalizedText? = nil, error: LocalizedText? = nil, fallback: LocalizedText? = nil) {
        self.serviceUnavailable = serviceUnavailable
        self.error = error
        self.fallback = fallback
    }
}

/// The skill's replies with `{name}` already replaced, computed once when the runner is built so
/// the request path only picks a translation.
struct ResolvedMessages: Sendable {
    let linkPrompt: LocalizedText
    let serviceUnavailable: LocalizedText
    let error: LocalizedText
    let fallback: LocalizedText
    let welcome: LocalizedText

    init(_ configuration: SkillConfiguration) {
        let name = configuration.name
        linkPrompt = (configuration.linkPrompt ?? DefaultMessages.linkPrompt).substituting(skillName: name)
        serviceUnavailable = (configuration.messages.serviceUnavailable ?? DefaultMessages.serviceUnavailable).substituting(skillName: name)
        error = (configuration.messages.error ?? DefaultMessages.error).substituting(skillName: name)
        fallback = (configuration.messages.fallback ?? DefaultMessages.fallback).substituting(skillName: name)
        welcome = DefaultMessages.welcome.substituting(skillName: name)
    }
}

extension LocalizedText {
    /// A copy with `{name}` replaced in the default text and every translation.
    func substituting(skillName: String) -> LocalizedText {
        LocalizedText(
            defaultText.replacingOccurrences(of: "{name}", with: skillName),
            translations: translations.mapValues { $0.replacingOccurrences(of: "{name}", with: skillName) })
    }
}

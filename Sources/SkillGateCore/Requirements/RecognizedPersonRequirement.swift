/// Requires a recognised speaker (`context.System.person`): for features that belong to one
/// member of a household, not to the account. When Alexa did not recognise the voice, the route
/// answers with localized speech that suggests setting up a voice profile, and ends the session.
///
/// ```swift
/// Intent("MyRidesIntent", linking: .required) { … }.requiring(.recognizedPerson)
/// ```
public struct RecognizedPersonRequirement: RouteRequirement {
    /// What the user hears when the speaker was not recognised; nil for the localized default.
    public let prompt: LocalizedText?

    /// Requires a recognised person.
    /// - Parameter prompt: the speech; nil for the localized default.
    public init(prompt: LocalizedText? = nil) { self.prompt = prompt }

    /// `recognized person`, for `routes`.
    public var name: String { "recognized person" }

    /// Satisfied when the request carries a person with an ID.
    public func check(_ context: RequestContext) async -> RequirementResult {
        if let person = context.person, !person.personId.isEmpty { return .satisfied }
        let text = (prompt ?? DefaultMessages.personPrompt).substituting(skillName: context.skillName).text(for: context.locale)
        return .respond(.tell(text))
    }
}

extension RouteRequirement where Self == RecognizedPersonRequirement {
    /// Requires Alexa to have recognised the speaker by voice.
    public static var recognizedPerson: RecognizedPersonRequirement { RecognizedPersonRequirement() }
}

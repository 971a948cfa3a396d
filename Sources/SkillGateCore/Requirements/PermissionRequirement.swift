/// Requires customer permissions: when one is not granted, the route answers with speech that
/// explains why the skill needs it and an `AskForPermissionsConsent` card listing the
/// permissions, and ends the session — the handler does not run.
///
/// ```swift
/// Intent("OrderRideFromHereIntent", linking: .required) { … }.requiring(.permissions(.deviceAddress))
/// ```
/// A permission is unmet when its scope is listed in the request and not `GRANTED`, or when
/// nothing in the request shows consent (see ``Permission/status(in:)``). A 403 from the Alexa
/// API inside the handler gives the same reply (see `AlexaAPIError`).
public struct PermissionRequirement: RouteRequirement {
    /// The permissions the route needs.
    public let permissions: [Permission]
    /// What the user hears when one is missing; nil for the localized default.
    public let prompt: LocalizedText?
    /// How a missing permission is asked for: the card (default) or by voice.
    public let consent: ConsentPrompt

    /// Requires permissions.
    /// - Parameters:
    ///   - permissions: the permissions.
    ///   - prompt: the speech with the consent card; nil for the localized default.
    ///   - consent: `.card`, or `.voice` to let Alexa ask (see ``ConsentPrompt``).
    public init(_ permissions: [Permission], prompt: LocalizedText? = nil, consent: ConsentPrompt = .card) {
        self.permissions = permissions
        self.prompt = prompt
        self.consent = consent
    }

    /// `permissions read::alexa:device:all:address, …` (the card strings), for `routes`.
    public var name: String {
        "permissions " + permissions.map(\.cardName).joined(separator: ", ") + (consent == .voice ? " (asked by voice)" : "")
    }

    /// Satisfied when every permission is granted (or was just accepted by voice); otherwise the
    /// consent card, or with `.voice` on an intent the `AskFor` request for the first missing one.
    public func check(_ context: RequestContext) async -> RequirementResult {
        let reported = context.storage.envelope.context?.system.user?.permissions ?? context.storage.envelope.session?.user?.permissions
        let accepted = context.acceptedScopes
        guard let first = permissions.first(where: { !accepted.contains($0.scope) && $0.status(in: reported) != .granted }) else {
            return .satisfied
        }
        if consent == .voice, let intent = Self.askingIntent(context) {
            return .respond(VoiceConsent.request(for: first, resuming: intent))
        }
        return .respond(Self.consentReply(for: permissions, prompt: prompt, context: context))
    }

    /// The intent a voice request resumes: the one resumed after an earlier answer, else this
    /// request's intent; nil for other requests (they get the card).
    private static func askingIntent(_ context: RequestContext) -> AlexaIntent? {
        if let resumed = context.resumedIntent { return resumed }
        guard case .intent(let request) = context.storage.envelope.request else { return nil }
        return request.intent
    }

    /// The consent reply: localized speech naming the skill, plus the card listing `permissions`.
    /// - Parameters:
    ///   - permissions: what to ask for.
    ///   - prompt: the route's speech, if any.
    ///   - context: the request (locale, skill name).
    /// - Returns: the reply.
    public static func consentReply(for permissions: [Permission], prompt: LocalizedText?, context: RequestContext) -> SkillResponse {
        let text = (prompt ?? DefaultMessages.permissionPrompt).substituting(skillName: context.skillName).text(for: context.locale)
        return .askForPermissions(text, permissions: permissions.map(\.cardName))
    }
}

extension RouteRequirement where Self == PermissionRequirement {
    /// Requires customer permissions (the consent card when one is missing).
    /// - Parameter permissions: e.g. `.deviceAddress`, `.email`.
    /// - Returns: the requirement.
    public static func permissions(_ permissions: Permission...) -> PermissionRequirement { PermissionRequirement(permissions) }

    /// Requires customer permissions, with the route's own speech for the consent card.
    /// - Parameters:
    ///   - permissions: e.g. `.deviceAddress`.
    ///   - prompt: what the user hears with the card.
    /// - Returns: the requirement.
    public static func permissions(_ permissions: Permission..., prompt: LocalizedText) -> PermissionRequirement {
        PermissionRequirement(permissions, prompt: prompt)
    }

    /// Requires customer permissions, asked for as `consent` says (`.voice`: Alexa asks, and the
    /// intent resumes with its slots once the user accepts).
    /// - Parameters:
    ///   - permissions: e.g. `.reminders`.
    ///   - consent: `.voice` or `.card`.
    ///   - prompt: the speech with the card, when the card is sent; nil for the default.
    /// - Returns: the requirement.
    public static func permissions(_ permissions: Permission..., asking consent: ConsentPrompt, prompt: LocalizedText? = nil)
        -> PermissionRequirement
    {
        PermissionRequirement(permissions, prompt: prompt, consent: consent)
    }
}

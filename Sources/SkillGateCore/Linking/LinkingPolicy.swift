/// How a route depends on account linking, as listed by `routes` and checked by the gate.
public enum LinkingPolicy: Sendable, Hashable {
    /// The handler needs the user's account: unlinked users get the link prompt and card.
    case required(prompt: LocalizedText?)
    /// The handler runs either way; it gets the token when there is a valid one.
    case optional
    /// The handler never looks at the account.
    case `public`

    /// `required`, `optional` or `public`.
    public var name: String {
        switch self {
        case .required: "required"
        case .optional: "optional"
        case .public: "public"
        }
    }
}

/// The `linking:` argument for routes whose handler receives a non-optional ``/SkillGateModel/AccessToken``.
public struct RequiredLinking: Sendable {
    /// The prompt for this route, overriding the skill's.
    public let prompt: LocalizedText?

    /// Linking required, with the skill's link prompt.
    public static var required: RequiredLinking { RequiredLinking(prompt: nil) }

    /// Linking required, with a prompt for this route.
    /// - Parameter prompt: what unlinked users hear (with the LinkAccount card).
    public static func required(prompt: LocalizedText) -> RequiredLinking { RequiredLinking(prompt: prompt) }
}

/// The `linking:` argument for routes whose handler receives an optional ``/SkillGateModel/AccessToken``.
public struct OptionalLinking: Sendable {
    /// Linking optional: the handler runs with or without a token.
    public static var optional: OptionalLinking { OptionalLinking() }
}

/// The `linking:` argument for routes that never use the account.
public struct NoLinking: Sendable {
    /// No linking: the handler runs for everybody and sees no token.
    public static var `public`: NoLinking { NoLinking() }
}

/// Text with translations, chosen by the request's locale.
///
/// Lookup tries the exact locale (`pt-BR`), then the language (`pt`), then the default text.
public struct LocalizedText: Sendable, Hashable, ExpressibleByStringLiteral {
    /// The text used when no translation matches.
    public var defaultText: String
    /// Translations by locale (`de-DE`) or language (`de`).
    public var translations: [String: String]

    /// Creates localized text.
    /// - Parameters:
    ///   - defaultText: the fallback text.
    ///   - translations: translations by locale or language.
    public init(_ defaultText: String, translations: [String: String] = [:]) {
        self.defaultText = defaultText
        self.translations = translations
    }

    /// Creates text with no translations.
    public init(stringLiteral value: String) { self.init(value) }

    /// The text for a locale.
    /// - Parameter locale: e.g. `de-DE`; nil gives the default text.
    public func text(for locale: String?) -> String {
        guard let locale, !translations.isEmpty else { return defaultText }
        if let exact = translations[locale] { return exact }
        if let language = locale.split(separator: "-").first, let text = translations[String(language)] { return text }
        return defaultText
    }
}

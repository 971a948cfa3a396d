/// SSML markup built by string interpolation: literal parts are markup, interpolated values are
/// plain text and are XML-escaped by default.
///
/// ```swift
/// .tell(ssml: "Your driver <emphasis>\(driverName)</emphasis> is on the way.")
/// .tell(ssml: "Done. \(raw: "<break time='1s'/>") Anything else?")
/// ```
/// The markup is wrapped in `<speak>…</speak>` unless it already is.
public struct SSML: Sendable, Hashable, ExpressibleByStringInterpolation {
    /// The markup as written, escaped where it came from plain text.
    public private(set) var markup: String

    /// Builds SSML from interpolation.
    public struct StringInterpolation: StringInterpolationProtocol {
        var markup = ""

        /// Reserves space.
        public init(literalCapacity: Int, interpolationCount: Int) { markup.reserveCapacity(literalCapacity + interpolationCount * 8) }
        /// Appends markup as written.
        public mutating func appendLiteral(_ literal: String) { markup += literal }
        /// Appends plain text, XML-escaped.
        public mutating func appendInterpolation(_ text: some CustomStringConvertible) { markup += xmlEscaped(text.description) }
        /// Appends markup without escaping: use only for trusted SSML.
        public mutating func appendInterpolation(raw markup: String) { self.markup += markup }
    }

    /// Creates SSML from a literal with no interpolation (taken as markup).
    public init(stringLiteral value: String) { markup = value }
    /// Creates SSML from interpolation.
    public init(stringInterpolation: StringInterpolation) { markup = stringInterpolation.markup }

    /// Creates SSML from markup you trust.
    /// - Parameter markup: SSML markup.
    public init(markup: String) { self.markup = markup }

    /// Creates SSML that speaks plain text, escaped.
    /// - Parameter text: plain text.
    public static func text(_ text: String) -> SSML { SSML(markup: xmlEscaped(text)) }

    /// The markup wrapped in `<speak>` when it is not already.
    public var document: String {
        var trimmed = markup[...]
        while trimmed.first?.isWhitespace == true { trimmed.removeFirst() }
        return trimmed.hasPrefix("<speak") ? markup : "<speak>" + markup + "</speak>"
    }
}

/// Modifiers: each returns a changed copy.
extension SkillResponse {
    /// Adds a card.
    /// - Parameter card: the card.
    public func card(_ card: Card) -> SkillResponse {
        var copy = self
        copy.response.card = card
        return copy
    }

    /// Adds a Simple card.
    /// - Parameters:
    ///   - title: the title.
    ///   - content: the text.
    public func simpleCard(title: String, content: String) -> SkillResponse {
        card(.simple(title: title, content: content))
    }

    /// Adds a Standard card.
    /// - Parameters:
    ///   - title: the title.
    ///   - text: the text.
    ///   - image: the images, if any.
    public func standardCard(title: String, text: String, image: CardImage? = nil) -> SkillResponse {
        card(.standard(title: title, text: text, image: image))
    }

    /// Sets the reprompt.
    /// - Parameter text: plain text.
    public func reprompt(_ text: String) -> SkillResponse {
        var copy = self
        copy.response.reprompt = .plainText(text)
        return copy
    }

    /// Appends a directive.
    /// - Parameter directive: the directive.
    public func directive(_ directive: Directive) -> SkillResponse {
        var copy = self
        copy.response.directives.append(directive)
        return copy
    }

    /// Sets whether the session ends (nil lets the device decide).
    /// - Parameter end: the new value.
    public func endingSession(_ end: Bool?) -> SkillResponse {
        var copy = self
        copy.response.shouldEndSession = end
        return copy
    }

    /// Replaces the session attributes.
    /// - Parameter attributes: the new attributes.
    public func sessionAttributes(_ attributes: JSONObject) -> SkillResponse {
        var copy = self
        copy.sessionAttributes = attributes
        return copy
    }

    /// Starting from `base` (usually the request's attributes), sets one attribute.
    /// - Parameters:
    ///   - key: the attribute name.
    ///   - value: its value; nil removes it.
    ///   - base: the attributes to start from when this response has none yet.
    public func sessionAttribute(_ key: String, _ value: JSONValue?, from base: JSONObject) -> SkillResponse {
        var copy = self
        var attributes = copy.sessionAttributes ?? base
        attributes[key] = value
        copy.sessionAttributes = attributes
        return copy
    }
}

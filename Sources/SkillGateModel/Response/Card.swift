/// A card shown in the Alexa app.
public enum Card: Sendable, Hashable {
    /// A title and plain text.
    case simple(title: String, content: String)
    /// A title, text and an optional image.
    case standard(title: String, text: String, image: CardImage?)
    /// The account-linking card: a link to the skill's linking page. No other fields.
    case linkAccount
    /// Asks the user to grant customer permissions, e.g. `read::alexa:device:all:address`.
    case askForPermissionsConsent(permissions: [String])

    /// The card's `type` on the wire.
    public var type: String {
        switch self {
        case .simple: "Simple"
        case .standard: "Standard"
        case .linkAccount: "LinkAccount"
        case .askForPermissionsConsent: "AskForPermissionsConsent"
        }
    }

    /// The number of characters of text on the card (title, content/text), for the 8,000 limit.
    public var textLength: Int {
        switch self {
        case .simple(let title, let content): title.count + content.count
        case .standard(let title, let text, _): title.count + text.count
        case .linkAccount, .askForPermissionsConsent: 0
        }
    }

    /// The number of UTF-8 bytes of text on the card: an upper bound of ``textLength`` that is cheap to compute.
    public var textUTF8Count: Int {
        switch self {
        case .simple(let title, let content): title.utf8.count + content.utf8.count
        case .standard(let title, let text, _): title.utf8.count + text.utf8.count
        case .linkAccount, .askForPermissionsConsent: 0
        }
    }

    /// Writes the `card` object.
    /// - Parameter writer: the JSON writer.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("type", type)
        switch self {
        case .simple(let title, let content):
            writer.member("title", title)
            writer.member("content", content)
        case .standard(let title, let text, let image):
            writer.member("title", title)
            writer.member("text", text)
            if let image {
                writer.key("image")
                writer.beginObject()
                if let small = image.smallImageUrl { writer.member("smallImageUrl", small) }
                if let large = image.largeImageUrl { writer.member("largeImageUrl", large) }
                writer.endObject()
            }
        case .linkAccount:
            break
        case .askForPermissionsConsent(let permissions):
            writer.key("permissions")
            writer.beginArray()
            for permission in permissions { writer.string(permission) }
            writer.endArray()
        }
        writer.endObject()
    }
}

/// The images of a Standard card (HTTPS URLs, at most 2,000 characters each).
public struct CardImage: Sendable, Hashable {
    /// 720×480 image URL.
    public var smallImageUrl: String?
    /// 1200×800 image URL.
    public var largeImageUrl: String?

    /// Creates card images.
    /// - Parameters:
    ///   - smallImageUrl: the small image URL.
    ///   - largeImageUrl: the large image URL.
    public init(smallImageUrl: String? = nil, largeImageUrl: String? = nil) {
        self.smallImageUrl = smallImageUrl
        self.largeImageUrl = largeImageUrl
    }
}

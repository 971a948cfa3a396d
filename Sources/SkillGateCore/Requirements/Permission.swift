/// A customer permission a route can require, with both of its names.
///
/// Alexa uses two spellings for one permission: the string an `AskForPermissionsConsent` card
/// lists (and the developer console shows), and the scope name that requests report in
/// `context.System.user.permissions.scopes` and that voice consent (`Connections.SendRequest`
/// `AskFor`) asks for. This table is the one place both live. Sources: Amazon's "Permissions for
/// customer information" (card strings), the Device Address API and Customer Profile API
/// references (which card string each endpoint needs), "Use location services for Alexa
/// skills" (geolocation scope) and "Request customer contact information using voice
/// permissions" / "Reminders API" (the `alexa::…` scope names).
public struct Permission: Sendable, Hashable, CustomStringConvertible {
    /// The string for the consent card, e.g. `read::alexa:device:all:address`.
    public let cardName: String
    /// The scope name in requests and voice consent, e.g. `alexa::devices:all:address:full:read`.
    public let scope: String

    /// Declares a permission.
    /// - Parameters:
    ///   - cardName: the consent card's string.
    ///   - scope: the scope name requests report.
    public init(cardName: String, scope: String) {
        self.cardName = cardName
        self.scope = scope
    }

    /// The card string.
    public var description: String { cardName }

    /// The device's full address (Device Address API, `/v1/devices/{deviceId}/settings/address`).
    public static let deviceAddress = Permission(
        cardName: "read::alexa:device:all:address", scope: "alexa::devices:all:address:full:read")
    /// The device's country and postal code (`…/settings/address/countryAndPostalCode`).
    public static let countryAndPostalCode = Permission(
        cardName: "read::alexa:device:all:address:country_and_postal_code",
        scope: "alexa::devices:all:address:country_and_postal_code:read")
    /// The customer's full name (Customer Profile API, `/v2/accounts/~current/settings/Profile.name`).
    public static let fullName = Permission(cardName: "alexa::profile:name:read", scope: "alexa::profile:name:read")
    /// The customer's given name (`…/Profile.givenName`).
    public static let givenName = Permission(cardName: "alexa::profile:given_name:read", scope: "alexa::profile:given_name:read")
    /// The customer's email address (`…/Profile.email`).
    public static let email = Permission(cardName: "alexa::profile:email:read", scope: "alexa::profile:email:read")
    /// The customer's mobile number (`…/Profile.mobileNumber`).
    public static let mobileNumber = Permission(cardName: "alexa::profile:mobile_number:read", scope: "alexa::profile:mobile_number:read")
    /// The device's live location (`context.Geolocation`); reported per scope in requests.
    public static let geolocation = Permission(
        cardName: "alexa::devices:all:geolocation:read", scope: "alexa::devices:all:geolocation:read")
    /// Reminders the skill creates (Reminders API).
    public static let reminders = Permission(
        cardName: "alexa::alerts:reminders:skill:readwrite", scope: "alexa::alerts:reminders:skill:readwrite")
    /// Timers the skill sets (Timers API).
    public static let timers = Permission(cardName: "alexa::alerts:timers:skill:readwrite", scope: "alexa::alerts:timers:skill:readwrite")

    /// Every permission above.
    public static let all: [Permission] = [
        .deviceAddress, .countryAndPostalCode, .fullName, .givenName, .email, .mobileNumber, .geolocation, .reminders, .timers,
    ]

    /// The permission a card string or scope names, if it is one of ``all``.
    /// - Parameter name: a card string or a scope name.
    /// - Returns: the permission.
    public static func named(_ name: String) -> Permission? {
        all.first { $0.cardName == name || $0.scope == name }
    }

    /// What a request says about this permission.
    /// - Parameter permissions: `context.System.user.permissions`.
    /// - Returns: `.granted` when the scope is listed `GRANTED`, `.denied` when it is listed with
    ///   any other status, else `.granted` when a consent token shows some consent (the API's 403
    ///   is then the final word), else `.missing`.
    public func status(in permissions: Permissions?) -> Status {
        if let listed = permissions?.scopes[scope] { return listed == "GRANTED" ? .granted : .denied }
        if let token = permissions?.consentToken, !token.isEmpty { return .granted }
        return .missing
    }

    /// A permission's state in one request.
    public enum Status: Sendable, Hashable {
        /// Granted (or consent shown, for permissions whose scope requests do not list).
        case granted
        /// The scope is listed with a status other than `GRANTED`.
        case denied
        /// Nothing in the request shows consent.
        case missing
    }
}

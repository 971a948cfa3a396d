/// A device's country and postal code from the Device Address API
/// (`GET /v1/devices/{deviceId}/settings/address/countryAndPostalCode`).
public struct ShortAddress: Sendable, Hashable {
    /// The ISO country code, e.g. `US`; nil when the user entered none.
    public var countryCode: String?
    /// The postal code, e.g. `98109`; nil when the user entered none.
    public var postalCode: String?

    /// Creates a short address.
    /// - Parameters:
    ///   - countryCode: the country code.
    ///   - postalCode: the postal code.
    public init(countryCode: String? = nil, postalCode: String? = nil) {
        self.countryCode = countryCode
        self.postalCode = postalCode
    }

    /// Reads the API's JSON object.
    /// - Parameter json: the response body.
    /// - Returns: the short address, or nil when the body is not an object.
    public init?(json: JSONValue) {
        guard let object = json.objectValue else { return nil }
        self.init(countryCode: object["countryCode"]?.stringValue, postalCode: object["postalCode"]?.stringValue)
    }
}

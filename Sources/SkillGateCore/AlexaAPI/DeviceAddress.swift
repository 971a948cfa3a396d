/// A device's full address from the Device Address API (`GET /v1/devices/{deviceId}/settings/address`).
/// Every field may be absent: the user may not have entered it.
public struct DeviceAddress: Sendable, Hashable {
    /// The first line, e.g. `410 Terry Ave North`.
    public var addressLine1: String?
    /// The second line.
    public var addressLine2: String?
    /// The third line.
    public var addressLine3: String?
    /// The city.
    public var city: String?
    /// The state or region, e.g. `WA`.
    public var stateOrRegion: String?
    /// The district or county.
    public var districtOrCounty: String?
    /// The ISO country code, e.g. `US`.
    public var countryCode: String?
    /// The postal code, e.g. `98109`.
    public var postalCode: String?

    /// Creates an address.
    /// - Parameters:
    ///   - addressLine1: the first line.
    ///   - addressLine2: the second line.
    ///   - addressLine3: the third line.
    ///   - city: the city.
    ///   - stateOrRegion: the state or region.
    ///   - districtOrCounty: the district or county.
    ///   - countryCode: the country code.
    ///   - postalCode: the postal code.
    public init(
        addressLine1: String? = nil, addressLine2: String? = nil, addressLine3: String? = nil, city: String? = nil,
        stateOrRegion: String? = nil, districtOrCounty: String? = nil, countryCode: String? = nil, postalCode: String? = nil
    ) {
        self.addressLine1 = addressLine1
        self.addressLine2 = addressLine2
        self.addressLine3 = addressLine3
        self.city = city
        self.stateOrRegion = stateOrRegion
        self.districtOrCounty = districtOrCounty
        self.countryCode = countryCode
        self.postalCode = postalCode
    }

    /// Whether no field is set (the user entered no address).
    public var isEmpty: Bool { self == DeviceAddress() }

    /// Reads the API's JSON object; `null` and non-string members count as absent.
    /// - Parameter json: the response body.
    /// - Returns: the address, or nil when the body is not an object.
    public init?(json: JSONValue) {
        guard let object = json.objectValue else { return nil }
        func field(_ name: String) -> String? { object[name]?.stringValue }
        self.init(
            addressLine1: field("addressLine1"), addressLine2: field("addressLine2"), addressLine3: field("addressLine3"),
            city: field("city"), stateOrRegion: field("stateOrRegion"), districtOrCounty: field("districtOrCounty"),
            countryCode: field("countryCode"), postalCode: field("postalCode"))
    }
}

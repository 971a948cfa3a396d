/// A customer's mobile number from the Customer Profile API (`…/settings/Profile.mobileNumber`).
public struct PhoneNumber: Sendable, Hashable {
    /// The country calling code, e.g. `+1`; nil when the API gives none.
    public var countryCode: String?
    /// The number, e.g. `206-555-1212`.
    public var phoneNumber: String

    /// Creates a phone number.
    /// - Parameters:
    ///   - countryCode: the country calling code.
    ///   - phoneNumber: the number.
    public init(countryCode: String? = nil, phoneNumber: String) {
        self.countryCode = countryCode
        self.phoneNumber = phoneNumber
    }

    /// Reads the API's JSON object `{"countryCode": …, "phoneNumber": …}`.
    /// - Parameter json: the response body.
    /// - Returns: the number, or nil when the body has no `phoneNumber` string.
    public init?(json: JSONValue) {
        guard let number = json["phoneNumber"]?.stringValue else { return nil }
        self.init(countryCode: json["countryCode"]?.stringValue, phoneNumber: number)
    }
}

/// The Device Address API: the address the user set for the device they are speaking to.
extension AlexaAPIClient {
    static let deviceAddressAPI = "Device Address API"

    /// The device's full address (needs ``Permission/deviceAddress``).
    /// - Returns: the address; every field nil when the user entered none (HTTP 204).
    /// - Throws: ``AlexaAPIError``: `.permissionDenied(.deviceAddress)` speaks the consent card
    ///   when left uncaught; the other kinds are ordinary errors.
    public func deviceAddress() async throws(AlexaAPIError) -> DeviceAddress {
        let api = Self.deviceAddressAPI
        let response = try await call(api, path: try devicePath("/settings/address", api: api), permission: .deviceAddress)
        guard response.status != 204 else { return DeviceAddress() }
        guard let address = DeviceAddress(json: try json(of: response, api: api)) else {
            throw fail(.malformedResponse, api, "the address is not a JSON object")
        }
        return address
    }

    /// The device's country and postal code (needs ``Permission/countryAndPostalCode``).
    /// - Returns: both; nil fields when the user entered none (HTTP 204).
    /// - Throws: ``AlexaAPIError``: `.permissionDenied(.countryAndPostalCode)` speaks the consent
    ///   card when left uncaught.
    public func countryAndPostalCode() async throws(AlexaAPIError) -> ShortAddress {
        let api = Self.deviceAddressAPI
        let path = try devicePath("/settings/address/countryAndPostalCode", api: api)
        let response = try await call(api, path: path, permission: .countryAndPostalCode)
        guard response.status != 204 else { return ShortAddress() }
        guard let address = ShortAddress(json: try json(of: response, api: api)) else {
            throw fail(.malformedResponse, api, "the country and postal code are not a JSON object")
        }
        return address
    }

    /// `/v1/devices/{deviceId}{suffix}`, the device ID percent-encoded.
    private func devicePath(_ suffix: String, api: String) throws(AlexaAPIError) -> String {
        guard let deviceId = context.device?.deviceId, !deviceId.isEmpty else {
            throw fail(.noEndpoint, api, "the request has no context.System.device.deviceId, so there is no device to ask about")
        }
        return "/v1/devices/" + Self.percentEncoded(deviceId) + suffix
    }

    /// A path segment with everything but RFC 3986's unreserved characters percent-encoded.
    static func percentEncoded(_ segment: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                bytes.append(byte)
            default:
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The body as JSON, or `.malformedResponse`.
    func json(of response: AlexaAPIResponse, api: String) throws(AlexaAPIError) -> JSONValue {
        do throws(JSONParseError) {
            return try JSONParser.parse(response.body)
        } catch {
            throw fail(.malformedResponse, api, "HTTP \(response.status) with a body that is not JSON (\(error))")
        }
    }
}

/// The device a request came from.
public struct Device: Sendable, Hashable {
    /// The device's ID for this skill.
    public var deviceId: String
    /// The interfaces the device supports (`AudioPlayer`, `Display`, `Alexa.Presentation.APL`, …).
    public var supportedInterfaces: JSONObject

    /// Creates a device.
    /// - Parameters:
    ///   - deviceId: the device ID.
    ///   - supportedInterfaces: the supported interfaces object.
    public init(deviceId: String, supportedInterfaces: JSONObject = [:]) {
        self.deviceId = deviceId
        self.supportedInterfaces = supportedInterfaces
    }

    /// Whether the device supports the named interface.
    /// - Parameter interface: e.g. `AudioPlayer`.
    public func supports(_ interface: String) -> Bool { supportedInterfaces[interface] != nil }

    init(reader: inout JSONReader) throws(RequestDecodingError) {
        var deviceId = "", supportedInterfaces: JSONObject = [:]
        try reader.members { reader, key throws(RequestDecodingError) in
            if key == "deviceId" {
                deviceId = try reader.optionalString() ?? ""
            } else if key == "supportedInterfaces" {
                supportedInterfaces = try reader.optionalJSONObject() ?? [:]
            } else {
                try reader.skip()
            }
        }
        self.init(deviceId: deviceId, supportedInterfaces: supportedInterfaces)
    }
}

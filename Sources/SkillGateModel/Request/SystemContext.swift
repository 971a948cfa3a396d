/// `context.System`: the skill, the user, the device and the Alexa API to call back.
public struct SystemContext: Sendable, Hashable {
    /// The skill the request is for.
    public var application: Application?
    /// The user, with the account-linking token when linked.
    public var user: User?
    /// The recognised speaker, when Alexa recognised one by voice.
    public var person: Person?
    /// The device the user spoke to.
    public var device: Device?
    /// The base URL of the Alexa APIs for this user's region.
    public var apiEndpoint: String?
    /// The token for calling Alexa APIs (not the account-linking token).
    public var apiAccessToken: AccessToken?

    /// Creates a System object.
    /// - Parameters:
    ///   - application: the skill.
    ///   - user: the user.
    ///   - person: the recognised speaker.
    ///   - device: the device.
    ///   - apiEndpoint: the Alexa API base URL.
    ///   - apiAccessToken: the Alexa API token.
    public init(
        application: Application? = nil, user: User? = nil, person: Person? = nil, device: Device? = nil, apiEndpoint: String? = nil,
        apiAccessToken: AccessToken? = nil
    ) {
        self.application = application
        self.user = user
        self.person = person
        self.device = device
        self.apiEndpoint = apiEndpoint
        self.apiAccessToken = apiAccessToken
    }

    init(reader: inout JSONReader) throws(RequestDecodingError) {
        self.init()
        try reader.members { reader, key throws(RequestDecodingError) in
            if key == "application" {
                application = try reader.optional { reader throws(RequestDecodingError) in try Application(reader: &reader) }
            } else if key == "user" {
                user = try reader.optional { reader throws(RequestDecodingError) in try User(reader: &reader) }
            } else if key == "person" {
                person = try reader.optional { reader throws(RequestDecodingError) in try Person(reader: &reader) }
            } else if key == "device" {
                device = try reader.optional { reader throws(RequestDecodingError) in try Device(reader: &reader) }
            } else if key == "apiEndpoint" {
                apiEndpoint = try reader.optionalString()
            } else if key == "apiAccessToken" {
                apiAccessToken = try reader.optionalString().map { AccessToken($0) }
            } else {
                try reader.skip()
            }
        }
    }
}

/// The skill a request is for.
public struct Application: Sendable, Hashable {
    /// The skill ID, `amzn1.ask.skill.…`.
    public var applicationId: String

    /// Creates an application.
    /// - Parameter applicationId: the skill ID.
    public init(applicationId: String) { self.applicationId = applicationId }

    init(reader: inout JSONReader) throws(RequestDecodingError) {
        var applicationId = ""
        try reader.members { reader, key throws(RequestDecodingError) in
            if key == "applicationId" { applicationId = try reader.optionalString() ?? "" } else { try reader.skip() }
        }
        self.applicationId = applicationId
    }
}

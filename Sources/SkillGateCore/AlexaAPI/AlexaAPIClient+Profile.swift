/// The Customer Profile API: the account holder's name, email and mobile number.
extension AlexaAPIClient {
    static let customerProfileAPI = "Customer Profile API"

    /// The customer's full name (needs ``Permission/fullName``).
    /// - Returns: the name; nil when the profile has none (HTTP 204).
    /// - Throws: ``AlexaAPIError``: `.permissionDenied(.fullName)` speaks the consent card when left uncaught.
    public func fullName() async throws(AlexaAPIError) -> String? {
        try await profileString("Profile.name", permission: .fullName)
    }

    /// The customer's given name (needs ``Permission/givenName``).
    /// - Returns: the name; nil when the profile has none (HTTP 204).
    /// - Throws: ``AlexaAPIError``: `.permissionDenied(.givenName)` speaks the consent card when left uncaught.
    public func givenName() async throws(AlexaAPIError) -> String? {
        try await profileString("Profile.givenName", permission: .givenName)
    }

    /// The customer's email address (needs ``Permission/email``).
    /// - Returns: the address; nil when the profile has none (HTTP 204).
    /// - Throws: ``AlexaAPIError``: `.permissionDenied(.email)` speaks the consent card when left uncaught.
    public func email() async throws(AlexaAPIError) -> String? {
        try await profileString("Profile.email", permission: .email)
    }

    /// The customer's mobile number (needs ``Permission/mobileNumber``).
    /// - Returns: the number; nil when the profile has none (HTTP 204).
    /// - Throws: ``AlexaAPIError``: `.permissionDenied(.mobileNumber)` speaks the consent card when left uncaught.
    public func mobileNumber() async throws(AlexaAPIError) -> PhoneNumber? {
        let api = Self.customerProfileAPI
        guard let body = try await profileValue("Profile.mobileNumber", permission: .mobileNumber) else { return nil }
        guard let number = PhoneNumber(json: body) else {
            throw fail(.malformedResponse, api, "Profile.mobileNumber is not an object with a phoneNumber string")
        }
        return number
    }

    /// A profile field that is a JSON string.
    private func profileString(_ field: String, permission: Permission) async throws(AlexaAPIError) -> String? {
        guard let body = try await profileValue(field, permission: permission) else { return nil }
        guard let text = body.stringValue else {
            throw fail(.malformedResponse, Self.customerProfileAPI, "\(field) is a JSON \(body.kindName), not a string")
        }
        return text
    }

    /// `GET /v2/accounts/~current/settings/<field>`: the parsed body, or nil for 204.
    private func profileValue(_ field: String, permission: Permission) async throws(AlexaAPIError) -> JSONValue? {
        let api = Self.customerProfileAPI
        let response = try await call(api, path: "/v2/accounts/~current/settings/" + field, permission: permission)
        guard response.status != 204 else { return nil }
        return try json(of: response, api: api)
    }
}

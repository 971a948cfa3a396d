package import SkillGateModel

/// One slot of an intent request, shaped as Alexa sends it: `name`, `value` (absent when the
/// user did not fill it), `confirmationStatus`, and entity `resolutions` for custom slot types.
package struct SlotSpec {
    /// The slot name.
    package var name: String
    /// What the user said; nil for an unfilled slot (no `value` member).
    package var value: String?
    /// `NONE`, `CONFIRMED` or `DENIED`.
    package var confirmationStatus = "NONE"
    /// The `resolutions` object (`{"resolutionsPerAuthority": [...]}`), nil for none.
    package var resolutions: JSONValue?

    /// A slot.
    /// - Parameters:
    ///   - name: the slot name.
    ///   - value: what the user said; nil when unfilled.
    ///   - confirmationStatus: `NONE`, `CONFIRMED` or `DENIED`.
    ///   - resolutions: the `resolutions` object.
    package init(name: String, value: String?, confirmationStatus: String = "NONE", resolutions: JSONValue? = nil) {
        self.name = name
        self.value = value
        self.confirmationStatus = confirmationStatus
        self.resolutions = resolutions
    }

    /// The slot object of `request.intent.slots`.
    package var json: JSONValue {
        var object: JSONObject = ["name": .string(name)]
        if let value { object["value"] = .string(value) }
        if let resolutions { object["resolutions"] = resolutions }
        object["confirmationStatus"] = .string(confirmationStatus)
        return .object(object)
    }
}

/// A recognised speaker (`context.System.person`), with their own token when they linked at
/// the personal level.
package struct PersonSpec {
    /// The default person ID.
    package static let defaultPersonID = "amzn1.ask.person.SKILLGATE-LOCAL-PERSON"

    /// `personId`.
    package var personID: String
    /// The person-level `accessToken`; nil when the person has not linked.
    package var token: String?

    /// A person.
    /// - Parameters:
    ///   - personID: the person ID.
    ///   - token: the person-level token.
    package init(personID: String = PersonSpec.defaultPersonID, token: String? = nil) {
        self.personID = personID
        self.token = token
    }
}

/// What the user granted (`context.System.user.permissions`).
package struct PermissionsSpec {
    /// `consentToken`; nil for none.
    package var consentToken: String?
    /// Statuses by scope, in order, e.g. `("alexa::devices:all:geolocation:read", "GRANTED")`.
    package var scopes: [(name: String, status: String)] = []

    /// Permissions.
    /// - Parameters:
    ///   - consentToken: the consent token.
    ///   - scopes: statuses by scope.
    package init(consentToken: String? = nil, scopes: [(name: String, status: String)] = []) {
        self.consentToken = consentToken
        self.scopes = scopes
    }

    /// The `permissions` object.
    package var json: JSONValue {
        var object = JSONObject()
        if let consentToken { object["consentToken"] = .string(consentToken) }
        if !scopes.isEmpty {
            var listed = JSONObject()
            for scope in scopes { listed[scope.name] = ["status": .string(scope.status)] }
            object["scopes"] = .object(listed)
        }
        return .object(object)
    }
}

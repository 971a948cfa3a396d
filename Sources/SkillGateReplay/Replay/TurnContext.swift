package import SkillGateModel

/// Who is talking to the skill, on what, at one point of a conversation: what a turn's request
/// carries besides the request itself. Set in `conversation` and changed by turns; a change
/// holds from its turn on.
package struct TurnContext {
    /// The account-linking token; nil for an unlinked user.
    package var token: String?
    /// The Alexa user ID.
    package var userID = RequestSpec.defaultUserID
    /// The request locale.
    package var locale = "en-US"
    /// A recognised speaker; nil for none.
    package var person: PersonSpec?
    /// What the user granted; nil for none.
    package var permissions: PermissionsSpec?
    /// The device's supported interfaces; nil keeps the template's.
    package var supportedInterfaces: JSONObject?

    /// The defaults: an unlinked user, `en-US`, no person, no permissions.
    package init() {}

    /// Copies the context into a request.
    /// - Parameter spec: the request.
    package func apply(to spec: inout RequestSpec) {
        spec.accessToken = token
        spec.userID = userID
        spec.locale = locale
        spec.person = person
        spec.permissions = permissions
        spec.supportedInterfaces = supportedInterfaces
    }
}

/// What one turn (or the `conversation` object) changes in the ``TurnContext``.
///
/// ```json
/// "user": "unlinked" | {"token": "demo-token-alice"},
/// "userId": "amzn1.ask.account.X",
/// "person": "none" | {"personId": "amzn1.ask.person.P", "token": "person-level-token"},
/// "permissions": "none" | {"consentToken": "...", "scopes": {"alexa::devices:all:geolocation:read": "GRANTED"}},
/// "supportedInterfaces": ["AudioPlayer"] | {"Alexa.Presentation.APL": {"runtime": {"maxVersion": "2024.1"}}},
/// "locale": "en-GB"
/// ```
package struct ContextChange {
    /// The members a change may use.
    package static let keys = ["user", "userId", "person", "permissions", "supportedInterfaces", "locale"]

    var token: String??
    var userID: String?
    var person: PersonSpec??
    var permissions: PermissionsSpec??
    var supportedInterfaces: JSONObject?
    var locale: String?

    /// Reads the context members of an object (others are ignored).
    /// - Parameters:
    ///   - object: a turn or the `conversation` object.
    ///   - source: where it is, for messages.
    /// - Throws: ``CLIError`` `.io` for a wrongly shaped member.
    package init(_ object: JSONObject, source: String) throws(CLIError) {
        if let value = object["user"] {
            if value.stringValue == "unlinked" {
                token = .some(nil)
            } else if let text = value["token"]?.stringValue, !text.isEmpty {
                token = .some(text)
            } else {
                throw .io("\(source): user must be \"unlinked\" or {\"token\": \"...\"}")
            }
        }
        userID = try Self.string(object["userId"], "userId", source)
        locale = try Self.string(object["locale"], "locale", source)
        if let value = object["person"] { person = .some(try Self.person(value, source)) }
        if let value = object["permissions"] { permissions = .some(try Self.permissions(value, source)) }
        if let value = object["supportedInterfaces"] { supportedInterfaces = try Self.interfaces(value, source) }
    }

    /// The context after this change.
    /// - Parameter context: the context before.
    package func applied(to context: TurnContext) -> TurnContext {
        var result = context
        if let token { result.token = token }
        if let userID { result.userID = userID }
        if let locale { result.locale = locale }
        if let person { result.person = person }
        if let permissions { result.permissions = permissions }
        if let supportedInterfaces { result.supportedInterfaces = supportedInterfaces }
        return result
    }

    private static func string(_ value: JSONValue?, _ key: String, _ source: String) throws(CLIError) -> String? {
        guard let value else { return nil }
        guard let text = value.stringValue, !text.isEmpty else { throw .io("\(source): \(key) must be a non-empty string") }
        return text
    }

    private static func person(_ value: JSONValue, _ source: String) throws(CLIError) -> PersonSpec? {
        if value.stringValue == "none" { return nil }
        guard let object = value.objectValue, object.keys.allSatisfy(["personId", "token"].contains) else {
            throw .io("\(source): person must be \"none\" or {\"personId\": \"...\", \"token\": \"...\"} (both optional)")
        }
        return PersonSpec(
            personID: try string(object["personId"], "person.personId", source) ?? PersonSpec.defaultPersonID,
            token: try string(object["token"], "person.token", source))
    }

    private static func permissions(_ value: JSONValue, _ source: String) throws(CLIError) -> PermissionsSpec? {
        if value.stringValue == "none" { return nil }
        guard let object = value.objectValue, object.keys.allSatisfy(["consentToken", "scopes"].contains) else {
            throw .io("\(source): permissions must be \"none\" or {\"consentToken\": \"...\", \"scopes\": {\"SCOPE\": \"GRANTED\"}}")
        }
        var result = PermissionsSpec(consentToken: try string(object["consentToken"], "permissions.consentToken", source))
        if let scopes = object["scopes"] {
            guard let members = scopes.objectValue else { throw .io("\(source): permissions.scopes must be an object of SCOPE: STATUS") }
            for member in members {
                let status = try RequestValues.check(
                    member.value.stringValue ?? member.value.jsonString, in: RequestValues.scopeStatuses,
                    "\(source): permissions.scopes.\(member.key)", failure: CLIError.io)
                result.scopes.append((member.key, status))
            }
        }
        return result
    }

    private static func interfaces(_ value: JSONValue, _ source: String) throws(CLIError) -> JSONObject {
        if let object = value.objectValue { return object }
        if let names = value.arrayValue, names.allSatisfy({ $0.stringValue != nil }) {
            var object = JSONObject()
            for name in names.compactMap(\.stringValue) { object[name] = .object([:]) }
            return object
        }
        throw .io("\(source): supportedInterfaces must be a list of names or an object, e.g. [\"AudioPlayer\"]")
    }
}

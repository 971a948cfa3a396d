import SkillGateModel

extension RequestSpec {
    /// The rendered envelope with what the templates leave to defaults set from this spec: the
    /// intent's `confirmationStatus`, `context.System.person`, `context.System.user.permissions`
    /// (mirrored into `session.user`, as Alexa does) and the device's `supportedInterfaces`.
    /// Members the spec does not set are left as the template has them.
    /// - Parameter envelope: the rendered template.
    /// - Returns: the envelope.
    func applyingContext(to envelope: JSONValue) -> JSONValue {
        guard case .object(var root) = envelope else { return envelope }
        if let status = intentConfirmationStatus, case .object(var request)? = root["request"],
            case .object(var intent)? = request["intent"]
        {
            intent["confirmationStatus"] = .string(status)
            request["intent"] = .object(intent)
            root["request"] = .object(request)
        }
        guard case .object(var context)? = root["context"], case .object(var system)? = context["System"] else { return .object(root) }
        if let person {
            var object: JSONObject = ["personId": .string(person.personID)]
            if let token = person.token { object["accessToken"] = .string(token) }
            system["person"] = .object(object)
        }
        if let permissions {
            system["user"] = Self.setting("permissions", to: permissions.json, in: system["user"])
            if case .object(var session)? = root["session"] {
                session["user"] = Self.setting("permissions", to: permissions.json, in: session["user"])
                root["session"] = .object(session)
            }
        }
        if let supportedInterfaces {
            system["device"] = Self.setting("supportedInterfaces", to: .object(supportedInterfaces), in: system["device"])
        }
        context["System"] = .object(system)
        root["context"] = .object(context)
        return .object(root)
    }

    private static func setting(_ key: String, to value: JSONValue, in object: JSONValue?) -> JSONValue {
        var edited = object?.objectValue ?? [:]
        edited[key] = value
        return .object(edited)
    }
}

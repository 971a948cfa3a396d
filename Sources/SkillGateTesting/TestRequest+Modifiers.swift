import SkillGateCore

extension TestRequest {
    /// A copy from a recognised speaker: `context.System.person` with the person's ID and, for
    /// person-level account linking, their own token.
    /// - Parameters:
    ///   - personId: the person ID.
    ///   - token: the person-level access token; nil when the person has not linked.
    /// - Returns: the modified request.
    public func person(_ personId: String = "amzn1.ask.person.TESTPERSON", token: String? = nil) -> TestRequest {
        var person: JSONObject = ["personId": .string(personId)]
        if let token { person["accessToken"] = .string(token) }
        return editingSystem { $0["person"] = .object(person) }
    }

    /// A copy whose `context.System.user.permissions` reports consent.
    /// - Parameters:
    ///   - consentToken: the consent token; nil for none.
    ///   - scopes: statuses by scope name, e.g. `["alexa::devices:all:geolocation:read": "GRANTED"]`.
    /// - Returns: the modified request.
    public func permissions(consentToken: String? = nil, scopes: [String: String] = [:]) -> TestRequest {
        var permissions = JSONObject()
        if let consentToken { permissions["consentToken"] = .string(consentToken) }
        if !scopes.isEmpty {
            var listed = JSONObject()
            for scope in scopes.keys.sorted() { listed[scope] = ["status": .string(scopes[scope] ?? "")] }
            permissions["scopes"] = .object(listed)
        }
        return editingSystem { system in
            var user = system["user"]?.objectValue ?? ["userId": "amzn1.ask.account.TESTUSER"]
            user["permissions"] = .object(permissions)
            system["user"] = .object(user)
        }
    }

    /// A copy whose only account-linking token is the session's (`session.user.accessToken`),
    /// as some recorded requests have it.
    /// - Parameter token: the session's token.
    /// - Returns: the modified request.
    public func sessionToken(_ token: String) -> TestRequest {
        var envelope = json.objectValue ?? [:]
        var session = envelope["session"]?.objectValue ?? [:]
        var user = session["user"]?.objectValue ?? ["userId": "amzn1.ask.account.TESTUSER"]
        user["accessToken"] = .string(token)
        session["user"] = .object(user)
        envelope["session"] = .object(session)
        let copy = TestRequest(json: .object(envelope))
        return copy.editingSystem { system in
            var contextUser = system["user"]?.objectValue ?? [:]
            contextUser["accessToken"] = nil
            system["user"] = .object(contextUser)
        }
    }

    /// A copy with `context.System` changed by `edit`.
    func editingSystem(_ edit: (inout JSONObject) -> Void) -> TestRequest {
        var envelope = json.objectValue ?? [:]
        var context = envelope["context"]?.objectValue ?? [:]
        var system = context["System"]?.objectValue ?? [:]
        edit(&system)
        context["System"] = .object(system)
        envelope["context"] = .object(context)
        return TestRequest(json: .object(envelope))
    }
}

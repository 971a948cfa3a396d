import SkillGateCore

extension TestRequest {
    /// A copy from another Alexa user: `userId` in `context.System.user` and `session.user`
    /// (persistent attributes are keyed by it by default).
    /// - Parameter userId: the user ID, e.g. `amzn1.ask.account.ALICE`.
    /// - Returns: the modified request.
    public func user(_ userId: String) -> TestRequest {
        editing { envelope in
            for path in [["context", "System", "user"], ["session", "user"]] {
                Self.edit(&envelope, path: path) { $0["userId"] = .string(userId) }
            }
        }
    }

    /// A copy from another Echo device: `context.System.device.deviceId`.
    /// - Parameter deviceId: the device ID, e.g. `amzn1.ask.device.KITCHEN`.
    /// - Returns: the modified request.
    public func device(_ deviceId: String) -> TestRequest {
        editing { envelope in
            Self.edit(&envelope, path: ["context", "System", "device"]) { $0["deviceId"] = .string(deviceId) }
        }
    }

    private func editing(_ change: (inout JSONObject) -> Void) -> TestRequest {
        var envelope = json.objectValue ?? [:]
        change(&envelope)
        return TestRequest(json: .object(envelope))
    }

    /// Edits the object at `path` if every step of it exists.
    private static func edit(_ object: inout JSONObject, path: ArraySlice<String>, _ change: (inout JSONObject) -> Void) {
        guard let first = path.first else {
            change(&object)
            return
        }
        guard var inner = object[first]?.objectValue else { return }
        edit(&inner, path: path.dropFirst(), change)
        object[first] = .object(inner)
    }

    private static func edit(_ object: inout JSONObject, path: [String], _ change: (inout JSONObject) -> Void) {
        edit(&object, path: path[...], change)
    }
}

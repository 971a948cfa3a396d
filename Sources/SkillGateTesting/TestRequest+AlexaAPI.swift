import SkillGateCore

extension TestRequest {
    /// A copy whose `context.System` points the Alexa APIs elsewhere (a fake server on loopback),
    /// or nowhere.
    /// - Parameters:
    ///   - endpoint: `context.System.apiEndpoint`; nil removes it.
    ///   - token: `context.System.apiAccessToken`; nil removes it.
    /// - Returns: the modified request.
    public func alexaAPI(endpoint: String?, token: String? = "test-api-access-token") -> TestRequest {
        editingSystem { system in
            system["apiEndpoint"] = endpoint.map(JSONValue.string)
            system["apiAccessToken"] = token.map(JSONValue.string)
        }
    }

    /// A copy from no device (no `context.System.device`), which the Device Address API needs.
    /// - Returns: the modified request.
    public func withoutDevice() -> TestRequest {
        editingSystem { $0["device"] = nil }
    }

    /// The request's ID (`request.requestId`), which a progressive response names.
    public var requestId: String? { json["request"]?["requestId"]?.stringValue }
}

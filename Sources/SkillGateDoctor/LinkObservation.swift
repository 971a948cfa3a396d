import Foundation

/// The walkthrough's pasted line: the URL the user's browser landed on after logging in, read into the parts
/// the link checks need. The line itself is never kept (it holds the code).
struct LinkObservation: Sendable {
    /// The request the printed authorization URL made.
    let request: AuthorizationRequest
    /// Whether anything was pasted.
    let pastedSomething: Bool
    /// `scheme://host/path` of the pasted URL (no query or fragment), or nil when it is not a URL.
    let landedOn: String?
    /// Whether that is the `redirect_uri` the doctor sent.
    let reachedRedirectURI: Bool
    /// The query's parameters.
    let query: [String: String]
    /// The fragment's parameters.
    let fragment: [String: String]

    /// Reads a pasted line.
    /// - Parameters:
    ///   - line: what was pasted, if anything.
    ///   - request: the authorization request whose URL was printed.
    init(pasted line: String?, request: AuthorizationRequest) {
        self.request = request
        let text = line?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        pastedSomething = !text.isEmpty
        guard let url = URL(string: text), let scheme = url.scheme, let host = url.host else {
            (landedOn, reachedRedirectURI, query, fragment) = (nil, false, [:], [:])
            return
        }
        landedOn = "\(scheme)://\(host)\(url.port.map { ":\($0)" } ?? "")\(url.path)"
        reachedRedirectURI = URL(string: request.redirectURI).map { url.hasSameEndpoint(as: $0) } ?? false
        query = Self.parameters(url.query)
        fragment = Self.parameters(url.fragment)
    }

    /// The authorization code, from the query.
    var code: String? { query["code"].flatMap { $0.isEmpty ? nil : $0 } }

    /// The access token, from the fragment (the implicit grant).
    var accessToken: String? { fragment["access_token"].flatMap { $0.isEmpty ? nil : $0 } }

    /// `state` as it came back (query first, then fragment).
    var state: String? { query["state"] ?? fragment["state"] }

    /// Every secret the pasted URL carried, for the scrubber.
    var secrets: [String] {
        [query["code"], fragment["code"], query["access_token"], fragment["access_token"], fragment["refresh_token"]]
            .compactMap { $0 }
    }

    private static func parameters(_ text: String?) -> [String: String] {
        var result: [String: String] = [:]
        for (name, value) in FormURLEncoding.decodeLeniently(text ?? "") where result[name] == nil { result[name] = value }
        return result
    }
}

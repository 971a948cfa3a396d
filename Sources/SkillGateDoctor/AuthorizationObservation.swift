import Foundation

/// What requesting the authorization URI the way Alexa does showed, redirect by redirect.
struct AuthorizationObservation: Sendable {
    /// How the request ended.
    enum Outcome: Sendable {
        /// A 2xx page (after any redirects): where it was, and what it loads.
        case page(url: URL, page: LoginPage)
        /// A redirect back to the `redirect_uri` (Alexa): its query and fragment parameters.
        case backToAlexa(parameters: [String: String])
        /// A 4xx or 5xx answer: the status and the start of the body.
        case refused(status: Int, excerpt: String)
        /// More redirects than the limit.
        case tooManyRedirects(Int)
        /// A redirect whose `Location` is not an http(s) URL (as sent).
        case badLocation(String)
        /// No answer.
        case unreachable(NetworkFailure)
    }

    /// The request that was sent.
    let request: AuthorizationRequest
    /// One line per request made: `GET https://… → 302 to …`.
    var hops: [String] = []
    /// Hosts that redirects sent the browser to, other than the authorization URL's and Alexa's.
    var redirectHosts: [String] = []
    /// How it ended.
    var outcome: Outcome = .tooManyRedirects(0)

    /// The `error` and `error_description` the server answered with, if it refused the request.
    var serverError: (error: String, description: String?)? {
        switch outcome {
        case .backToAlexa(let parameters):
            parameters["error"].map { ($0, parameters["error_description"]) }
        case .refused(let status, let excerpt):
            ("\(status)", excerpt)
        default:
            nil
        }
    }

    /// Whether the server refused the request because it wants PKCE.
    var wantsPKCE: Bool {
        guard let serverError else { return false }
        return PKCE.isRequirement(serverError.error + " " + (serverError.description ?? ""))
    }
}

extension URL {
    /// The query and fragment parameters (`name=value&…`, form-decoded), the query's first.
    var oauthParameters: [String: String] {
        var result: [String: String] = [:]
        for part in [fragment, query].compactMap({ $0 }) {
            for (name, value) in FormURLEncoding.decodeLeniently(part) { result[name] = value }
        }
        return result
    }

    /// Whether this URL is `other` up to the query and fragment (scheme, host, port and path alike).
    func hasSameEndpoint(as other: URL) -> Bool {
        scheme?.lowercased() == other.scheme?.lowercased() && host?.lowercased() == other.host?.lowercased()
            && port == other.port && (path.isEmpty ? "/" : path) == (other.path.isEmpty ? "/" : other.path)
    }
}

extension FormURLEncoding {
    /// Decodes `name=value&…`, skipping pieces that are not pairs (a fragment or query from a browser).
    /// - Parameter text: the encoded text.
    static func decodeLeniently(_ text: String) -> [(String, String)] {
        text.split(separator: "&").compactMap { piece in
            guard let equals = piece.firstIndex(of: "="), equals != piece.startIndex else { return nil }
            return (unescape(piece[..<equals]), unescape(piece[piece.index(after: equals)...]))
        }
    }
}

import Foundation
import SkillGateHTTP
import SkillGateLogging

extension DoctorRun {
    /// Requests the authorization URI as the Alexa app's browser would and follows redirects (up to
    /// ``DoctorOptions/maximumRedirects``) until a page, an error, or a redirect back to Alexa.
    mutating func requestAuthorization(_ request: AuthorizationRequest) async {
        var observation = AuthorizationObservation(request: request)
        let authorizationHost = request.url.host?.lowercased() ?? ""
        var url = request.url
        var cookies = CookieJar()
        defer { observations.authorization = observation }
        for _ in 0...options.maximumRedirects {
            var headers: HTTPHeaders = [
                "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
                "User-Agent": "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) skillgate-doctor",
            ]
            if let cookie = cookies.header(for: url) { headers.add(name: "Cookie", value: cookie) }
            let answer: HTTPAnswer
            switch await client.send("GET", url, headers: headers) {
            case .failure(let failure):
                logger.warning("authorization URI: \(failure.message)")
                observation.outcome = .unreachable(failure)
                return
            case .success(let received):
                answer = received
            }
            cookies.store(answer.headers.values(for: "Set-Cookie"), from: url)
            let shown = "GET \(ServerText.quote(url.absoluteString)) → \(answer.status)"
            if (300..<400).contains(answer.status), let location = answer.location {
                guard let next = URL(string: location, relativeTo: url)?.absoluteURL,
                    let scheme = next.scheme?.lowercased(), scheme == "http" || scheme == "https"
                else {
                    observation.hops.append(shown + " to \(ServerText.quote(location))")
                    observation.outcome = .badLocation(location)
                    return
                }
                observation.hops.append(shown + " to \(ServerText.quote(next.absoluteString))")
                if let redirect = URL(string: request.redirectURI), next.hasSameEndpoint(as: redirect) {
                    observation.outcome = .backToAlexa(parameters: next.oauthParameters)
                    return
                }
                let host = next.host?.lowercased() ?? ""
                if host != authorizationHost, !observation.redirectHosts.contains(host) { observation.redirectHosts.append(host) }
                url = next
                continue
            }
            observation.hops.append(shown + " (\(answer.mediaType ?? "no Content-Type"))")
            let body = String(decoding: answer.body, as: UTF8.self)
            observation.outcome =
                answer.isSuccess
                ? .page(url: url, page: LoginPage(html: body, url: url))
                : .refused(status: answer.status, excerpt: String(body.prefix(300)))
            return
        }
        observation.outcome = .tooManyRedirects(options.maximumRedirects)
    }
}

/// The cookies a login flow sets on the way (`name=value` per host; attributes ignored), sent back on later
/// requests to the same host so redirect chains that depend on them work.
struct CookieJar {
    private var byHost: [String: [(String, String)]] = [:]

    /// Keeps the cookies of `Set-Cookie` values received from `url`.
    mutating func store(_ values: [String], from url: URL) {
        let host = url.host?.lowercased() ?? ""
        for value in values {
            guard let pair = value.split(separator: ";").first, let equals = pair.firstIndex(of: "=") else { continue }
            let name = pair[..<equals].trimmingCharacters(in: .whitespaces)
            let content = pair[pair.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            byHost[host, default: []].removeAll { $0.0 == name }
            byHost[host, default: []].append((name, content))
        }
    }

    /// The `Cookie` header for a request to `url`, if any cookie is kept for its host.
    func header(for url: URL) -> String? {
        guard let cookies = byHost[url.host?.lowercased() ?? ""], !cookies.isEmpty else { return nil }
        return cookies.map { "\($0.0)=\($0.1)" }.joined(separator: "; ")
    }
}

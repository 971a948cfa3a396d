import Foundation
import SkillGateLogging

extension DoctorRun {
    /// Inspects the TLS of every distinct HTTPS server among the skill's URLs (the token URL when Alexa calls
    /// it, and the authorization URL).
    mutating func inspectTLS() async {
        var servers: [(key: String, url: URL, roles: [String])] = []
        var urls: [(URL, String)] = []
        if options.linkingType == .authCode { urls.append((options.tokenURL, "the token URL")) }
        if let authorization = options.authorizationURL { urls.append((authorization, "the authorization URL")) }
        for (url, role) in urls where url.scheme?.lowercased() == "https" {
            let key = DoctorHTTPClient.endpoint(of: url)
            if let index = servers.firstIndex(where: { $0.key == key }) {
                servers[index].roles.append(role)
            } else {
                servers.append((key, url, [role]))
            }
        }
        for server in servers {
            let observation = await TLSInspector.inspect(
                server.url, roles: server.roles, timeout: options.requestTimeout, caFile: options.caFile, now: Date())
            logger.debug("TLS: inspected \(observation.endpoint)")
            observations.tls.append(observation)
        }
    }
}

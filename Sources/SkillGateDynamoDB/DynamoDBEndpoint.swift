public import SkillGateCore

/// Where DynamoDB requests go: AWS's regional endpoint, or an override such as DynamoDB Local
/// or moto on `http://127.0.0.1:8000`.
public struct DynamoDBEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// `https` or `http`.
    public let isSecure: Bool
    /// The host name or address (IPv6 without brackets).
    public let host: String
    /// The TCP port.
    public let port: Int

    /// AWS's endpoint for a region: `https://dynamodb.<region>.amazonaws.com`.
    /// - Parameter region: e.g. `eu-west-1`.
    public init(region: String) {
        isSecure = true
        host = "dynamodb.\(region).amazonaws.com"
        port = 443
    }

    /// An endpoint from a URL such as `http://127.0.0.1:8000` or `https://dynamodb.eu-west-1.amazonaws.com`.
    /// - Parameter url: `http://` or `https://`, a host, an optional port, and at most `/` as the path.
    /// - Throws: ``SkillGateCore/PersistenceError`` `.invalidConfiguration` saying what is wrong.
    public init(url: String) throws(PersistenceError) {
        let lowered = url.lowercased()
        let rest: Substring
        if lowered.hasPrefix("https://") {
            isSecure = true
            rest = url.dropFirst(8)
        } else if lowered.hasPrefix("http://") {
            isSecure = false
            rest = url.dropFirst(7)
        } else {
            throw PersistenceError(.invalidConfiguration, "the DynamoDB endpoint \(url) must start with http:// or https://")
        }
        let authority = rest.prefix { $0 != "/" }
        guard rest.dropFirst(authority.count).allSatisfy({ $0 == "/" }) else {
            throw PersistenceError(.invalidConfiguration, "the DynamoDB endpoint \(url) must not have a path")
        }
        var hostPart = authority
        var portPart: Substring?
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            hostPart = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { portPart = after.dropFirst() }
        } else if let colon = authority.lastIndex(of: ":") {
            hostPart = authority[..<colon]
            portPart = authority[authority.index(after: colon)...]
        }
        guard !hostPart.isEmpty else { throw PersistenceError(.invalidConfiguration, "the DynamoDB endpoint \(url) has no host") }
        host = String(hostPart)
        if let portPart {
            guard let number = Int(portPart), (1...65535).contains(number) else {
                throw PersistenceError(.invalidConfiguration, "the DynamoDB endpoint \(url) has an invalid port")
            }
            port = number
        } else {
            port = isSecure ? 443 : 80
        }
    }

    /// The `Host` header: the host, with the port unless it is the scheme's default.
    public var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == (isSecure ? 443 : 80) ? name : "\(name):\(port)"
    }

    /// The endpoint as a URL.
    public var description: String { "\(isSecure ? "https" : "http")://\(hostHeader)" }
}

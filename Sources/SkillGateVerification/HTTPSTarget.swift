#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Where an HTTPS GET goes and the request bytes it sends.
struct HTTPSTarget: Sendable {
    /// The host name or IP address (IPv6 without brackets): what is resolved and what the certificate must name.
    let host: String
    /// The TCP port.
    let port: Int
    /// The URL as given, for messages.
    let display: String
    /// The request: `GET path HTTP/1.1` with `Host`, `Accept` and `Connection: close`.
    let request: [UInt8]

    /// `host:port` (`[v6]:port` for IPv6), for messages.
    var endpoint: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// Reads an `https://host[:port]/path[?query]` URL.
    /// - Parameter url: the URL to fetch.
    /// - Throws: ``CertificateFetchError/Code/invalidURL`` when it is not such a URL.
    init(_ url: URL) throws(CertificateFetchError) {
        display = url.absoluteString
        let shown = VerificationError.quoted(display)
        guard url.scheme?.lowercased() == "https" else {
            throw CertificateFetchError(.invalidURL, "Refusing to fetch \(shown): certificate chains are downloaded over https only.")
        }
        guard url.user == nil, url.password == nil else {
            throw CertificateFetchError(.invalidURL, "Refusing to fetch \(shown): it contains a user name or password.")
        }
        guard let host = url.host(percentEncoded: false), !host.isEmpty, host.utf8.allSatisfy(Self.isHostByte) else {
            throw CertificateFetchError(.invalidURL, "Refusing to fetch \(shown): it has no usable host name.")
        }
        let port = url.port ?? 443
        guard (1...65_535).contains(port) else {
            throw CertificateFetchError(.invalidURL, "Refusing to fetch \(shown): port \(port) is out of range.")
        }
        var target = url.path(percentEncoded: true)
        if target.isEmpty { target = "/" }
        if let query = url.query(percentEncoded: true) { target += "?" + query }
        guard target.hasPrefix("/"), target.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw CertificateFetchError(.invalidURL, "Refusing to fetch \(shown): its path cannot be sent in an HTTP request line.")
        }
        self.host = host
        self.port = port
        let hostHeader = (host.contains(":") ? "[\(host)]" : host) + (port == 443 ? "" : ":\(port)")
        request = Array(
            "GET \(target) HTTP/1.1\r\nHost: \(hostHeader)\r\nUser-Agent: SkillGate\r\nAccept: application/x-pem-file, */*\r\nConnection: close\r\n\r\n"
                .utf8)
    }

    /// Letters, digits, `-`, `.`, `_` and `:` (IPv6): nothing that could break the request or the resolver.
    private static func isHostByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: ":"):
            true
        default:
            false
        }
    }
}

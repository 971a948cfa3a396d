/// Where a client request goes: the origin (scheme, host, port: what a connection is for) and the
/// request-target sent in the request line.
struct ClientTarget: Sendable {
    var origin: ClientOrigin
    /// The request-target, e.g. `/token?x=1`.
    var path: String

    /// Reads an absolute `http://` or `https://` URL: `scheme://host[:port][/path][?query][#fragment]`,
    /// with the host a name, an IPv4 address or a bracketed IPv6 address. The fragment is dropped.
    /// - Throws: ``HTTPClientError`` with kind `.invalidRequest` naming what is wrong.
    init(url: String) throws(HTTPClientError) {
        func invalid(_ problem: String) -> HTTPClientError {
            HTTPClientError(kind: .invalidRequest, description: "cannot request \"\(url.prefix(200))\": \(problem)")
        }
        guard let separator = url.firstRange(of: "://") else { throw invalid("it is not an absolute http:// or https:// URL") }
        guard let scheme = HTTPClient.Scheme(rawValue: url[..<separator.lowerBound].lowercased()) else {
            throw invalid("only http:// and https:// URLs are supported")
        }
        let rest = url[separator.upperBound...].prefix { $0 != "#" }
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        var path = String(rest[authority.endIndex...])
        if !path.hasPrefix("/") { path = "/" + path }
        guard !authority.contains("@") else { throw invalid("user names and passwords in URLs are not supported") }
        var host = Substring(authority)
        var portText: Substring = ""
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw invalid("the IPv6 address has no closing ]") }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { throw invalid("unexpected text after the IPv6 address") }
            portText = after.dropFirst()
            guard host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { throw invalid("the IPv6 address is malformed") }
        } else if let colon = authority.firstIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        }
        guard !host.isEmpty, host.utf8.allSatisfy(Self.isHostByte) else { throw invalid("it has no usable host name") }
        var port = scheme.defaultPort
        if !portText.isEmpty {
            guard portText.count <= 5, portText.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let number = Int(portText),
                (1...65_535).contains(number)
            else {
                throw invalid("port \(portText.prefix(10)) is not a number from 1 to 65535")
            }
            port = number
        }
        origin = ClientOrigin(scheme: scheme, host: String(host), port: port)
        self.path = path
    }

    /// A target at an origin.
    init(origin: ClientOrigin, path: String) {
        self.origin = origin
        self.path = path
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

/// A scheme, host and port: what one client connection is for.
struct ClientOrigin: Sendable, Equatable {
    var scheme: HTTPClient.Scheme
    /// The host name or address; IPv6 without brackets.
    var host: String
    var port: Int

    /// Creates an origin, removing brackets around an IPv6 address.
    init(scheme: HTTPClient.Scheme, host: String, port: Int) {
        self.scheme = scheme
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        self.port = port
    }

    /// `host:port` (`[v6]:port` for IPv6), for messages.
    var endpoint: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// The `Host` header value: the port only when it is not the scheme's default.
    var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == scheme.defaultPort ? name : "\(name):\(port)"
    }

    /// `https://host:port`, for messages.
    var display: String { "\(scheme.rawValue)://\(endpoint)" }
}

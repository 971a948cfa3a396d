#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Checks a `SignatureCertChainUrl` header value against Alexa's rules.
///
/// The URL is normalised first (percent-decoding, then resolving `.` and `..` path segments), then it
/// must use scheme `https` (any case), host `s3.amazonaws.com` (any case), port 443 if a port is given,
/// and a path starting with `/echo.api/` (exact case). The query and fragment are dropped, so every
/// spelling of one chain's URL is one download and one cache entry. Parsing is a small RFC 3986 parser over the
/// header's bytes, so no Foundation URL parsing happens on the request path.
public enum CertificateChainURL {
    /// The only host allowed to serve Alexa's signing certificates.
    public static let host = "s3.amazonaws.com"
    /// The path prefix every certificate chain URL must have after normalisation.
    public static let pathPrefix = "/echo.api/"

    /// Validates and normalises a certificate-chain URL.
    /// - Parameter string: the `SignatureCertChainUrl` header value.
    /// - Returns: the normalised URL, `https://s3.amazonaws.com/echo.api/…` without query or fragment,
    ///   which is what gets fetched and the key the verifier caches chains under.
    /// - Throws: ``VerificationError`` with code ``VerificationError/Code/invalidSignatureCertChainURL``
    ///   naming the rule the URL breaks.
    public static func validate(_ string: String) throws(VerificationError) -> URL {
        let normalised = try normalise(string)
        guard let url = URL(string: normalised) else {
            throw VerificationError(
                .invalidSignatureCertChainURL,
                "The SignatureCertChainUrl normalises to \(VerificationError.quoted(normalised)), which cannot be rebuilt as a URL."
            )
        }
        return url
    }

    /// Validates and normalises a certificate-chain URL without building a `URL`.
    /// - Parameter string: the `SignatureCertChainUrl` header value.
    /// - Returns: the normalised URL text, e.g. `https://s3.amazonaws.com/echo.api/echo-api-cert.pem`.
    /// - Throws: ``VerificationError`` with code ``VerificationError/Code/invalidSignatureCertChainURL``.
    static func normalise(_ string: String) throws(VerificationError) -> String {
        let trimmed = trimmingWhitespace(string)
        let parts: ParsedURL
        switch ParsedURL.parse(Array(trimmed.utf8)) {
        case .success(let parsed):
            parts = parsed
        case .failure(.notAURL):
            throw invalid(trimmed, "is not a URL")
        case .failure(.badPort):
            throw invalid(trimmed, "has a port that is not a number; it must use port 443")
        }
        guard let scheme = parts.scheme, ParsedURL.equalsIgnoringCase(scheme, "https") else {
            throw invalid(trimmed, "must use https")
        }
        guard !parts.hasUserInfo else {
            throw invalid(trimmed, "must not contain a user name or password")
        }
        guard let host = parts.host, ParsedURL.equalsIgnoringCase(host, Self.host) else {
            throw invalid(trimmed, "must be on host \(Self.host)")
        }
        if let port = parts.port, port != 443 {
            throw invalid(trimmed, "must use port 443 (it names port \(port))")
        }
        guard let decoded = ParsedURL.percentDecoded(parts.path) else {
            throw invalid(trimmed, "has a malformed percent-encoded path")
        }
        let path = removingDotSegments(decoded)
        guard path.starts(with: pathPrefix.utf8) else {
            throw invalid(trimmed, "must have a path starting with \(pathPrefix)")
        }
        // The query and fragment are dropped: Amazon's rules name only scheme, host, port and path,
        // S3 serves the chain without them, and keeping them would give one URL unlimited cache keys.
        var normalised = Array("https://\(Self.host)".utf8)
        normalised.reserveCapacity(normalised.count + path.count + 8)
        ParsedURL.appendPercentEncodedPath(path, to: &normalised)
        return String(decoding: normalised, as: UTF8.self)
    }

    /// Resolves `.` and `..` segments of an absolute path (RFC 3986 section 5.2.4).
    /// - Parameter path: a path (as bytes) that starts with `/`; anything else is returned unchanged.
    /// - Returns: the path with no `.` or `..` segments; `..` never climbs above the root.
    static func removingDotSegments(_ path: [UInt8]) -> [UInt8] {
        let slash = UInt8(ascii: "/")
        guard path.first == slash else { return path }
        let segments = path.dropFirst().split(separator: slash, omittingEmptySubsequences: false)
        var output: [ArraySlice<UInt8>] = []
        output.reserveCapacity(segments.count)
        for (offset, segment) in segments.enumerated() {
            let isLast = offset == segments.count - 1
            if segment.elementsEqual(CollectionOfOne(UInt8(ascii: "."))) {
                if isLast { output.append([]) }
            } else if segment.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) {
                if !output.isEmpty { output.removeLast() }
                if isLast { output.append([]) }
            } else {
                output.append(segment)
            }
        }
        var result: [UInt8] = [slash]
        result.reserveCapacity(path.count)
        for (offset, segment) in output.enumerated() {
            if offset > 0 { result.append(slash) }
            result += segment
        }
        return result
    }

    /// Drops leading and trailing tabs and space separators (what Foundation's `.whitespaces` trims).
    private static func trimmingWhitespace(_ string: String) -> Substring {
        if let first = string.utf8.first, let last = string.utf8.last, isPrintableASCII(first), isPrintableASCII(last) {
            return string[...]  // the usual case: nothing to trim
        }
        let scalars = string.unicodeScalars
        let isBlank = { (scalar: Unicode.Scalar) in scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        guard let first = scalars.firstIndex(where: { !isBlank($0) }), let last = scalars.lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return Substring(scalars[first...last])
    }

    private static func isPrintableASCII(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }

    /// The error for a URL that breaks a rule; the URL is quoted only now, on the failure path.
    private static func invalid(_ url: Substring, _ rule: String) -> VerificationError {
        VerificationError(.invalidSignatureCertChainURL, "The SignatureCertChainUrl \(VerificationError.quoted(url)) \(rule).")
    }
}

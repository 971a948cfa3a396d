import SkillGateHTTP

/// The canonical forms Signature Version 4 signs: path, query and headers.
extension AWSSigner {
    /// Each path segment percent-encoded (RFC 3986 unreserved characters kept), `/` kept; empty is `/`.
    static func canonicalPath(_ path: String) -> String {
        guard !path.isEmpty else { return "/" }
        return path.split(separator: "/", omittingEmptySubsequences: false).map { PercentEncoding.encode(String($0), keeping: .unreserved) }
            .joined(separator: "/")
    }

    /// `name=value` pairs, each side encoded, sorted by name then value, joined by `&`.
    static func canonicalQuery(_ query: String) -> String {
        guard !query.isEmpty else { return "" }
        let pairs = query.split(separator: "&").map { pair -> (String, String) in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = PercentEncoding.encode(PercentEncoding.decode(parts[0]), keeping: .unreserved)
            let value = parts.count > 1 ? PercentEncoding.encode(PercentEncoding.decode(parts[1]), keeping: .unreserved) : ""
            return (name, value)
        }
        return pairs.sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }

    /// Lower-cased names sorted, values trimmed with inner runs of spaces collapsed, repeated
    /// names joined with commas in order; and the `;`-joined list of names.
    static func canonicalHeaders(_ headers: [(name: String, value: String)]) -> (canonical: String, signed: String) {
        var names: [String] = []
        var values: [String: [String]] = [:]
        for header in headers {
            let name = header.name.lowercased()
            if values[name] == nil { names.append(name) }
            values[name, default: []].append(collapsingSpaces(header.value))
        }
        names.sort()
        let canonical = names.map { "\($0):\(values[$0, default: []].joined(separator: ","))\n" }.joined()
        return (canonical, names.joined(separator: ";"))
    }

    /// Trims spaces and tabs at both ends and collapses inner runs of spaces to one.
    private static func collapsingSpaces(_ value: String) -> String {
        var output = ""
        var pendingSpace = false
        for character in value {
            if character == " " || character == "\t" {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace { output.append(" ") }
                pendingSpace = false
                output.append(character)
            }
        }
        return output
    }
}

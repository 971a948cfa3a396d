import Foundation

/// What a login page loads and does, read from its HTML: the URLs of scripts, stylesheets, images, frames
/// and form targets, and whether it opens popups.
struct LoginPage: Sendable, Equatable {
    /// One resource the page makes the browser load or go to.
    struct Reference: Sendable, Equatable {
        /// `script src`, `link href`, `img src`, `iframe src` or `form action`.
        let kind: String
        /// The host, lower case.
        let host: String
    }

    /// Every absolute http(s) reference, in page order.
    let references: [Reference]
    /// What opens a popup (`window.open`, `target="_blank"`), if anything.
    let popups: [String]

    /// Reads a page.
    /// - Parameters:
    ///   - html: the page.
    ///   - url: where it was fetched from, to resolve relative references.
    init(html: String, url: URL) {
        var references: [Reference] = []
        var popups: [String] = []
        for tag in Self.tags(in: html) {
            if tag.attributes["target"]?.lowercased() == "_blank" { popups.append("target=\"_blank\" on <\(tag.name)>") }
            let attribute: String?
            switch tag.name {
            case "script", "img", "iframe": attribute = "src"
            case "link" where tag.attributes["rel"]?.lowercased().contains("stylesheet") == true: attribute = "href"
            case "form": attribute = "action"
            default: attribute = nil
            }
            guard let attribute, let value = tag.attributes[attribute], let host = Self.host(of: value, relativeTo: url) else { continue }
            references.append(Reference(kind: "\(tag.name) \(attribute)", host: host))
        }
        if html.lowercased().contains("window.open") { popups.append("window.open") }
        self.references = references
        self.popups = popups
    }

    /// The host of an http(s) reference, resolved against the page URL; nil for `data:`, `javascript:` and the like.
    private static func host(of reference: String, relativeTo page: URL) -> String? {
        let trimmed = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let resolved = URL(string: trimmed, relativeTo: page)?.absoluteURL,
            let scheme = resolved.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = resolved.host?.lowercased(), !host.isEmpty
        else { return nil }
        return host.hasSuffix(".") ? String(host.dropLast()) : host
    }

    /// One start tag: its lower-case name and attributes (lower-case names, values unquoted).
    struct Tag {
        let name: String
        let attributes: [String: String]
    }

    /// The start tags of an HTML document (comments skipped), read leniently.
    static func tags(in html: String) -> [Tag] {
        var tags: [Tag] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            if rest.hasPrefix("!--") {
                guard let end = rest.range(of: "-->") else { break }
                rest = rest[end.upperBound...]
                continue
            }
            let name = rest.prefix { $0.isLetter || $0.isNumber }.lowercased()
            guard !name.isEmpty else { continue }
            rest = rest.dropFirst(name.count)
            var attributes: [String: String] = [:]
            while true {
                rest = rest.drop { $0.isWhitespace || $0 == "/" }
                guard let first = rest.first, first != ">" else { break }
                let attributeName = rest.prefix { !$0.isWhitespace && $0 != "=" && $0 != ">" }.lowercased()
                rest = rest.dropFirst(max(1, attributeName.count)).drop { $0.isWhitespace }
                var value = ""
                if rest.first == "=" {
                    rest = rest.dropFirst().drop { $0.isWhitespace }
                    if let quote = rest.first, quote == "\"" || quote == "'" {
                        rest = rest.dropFirst()
                        value = String(rest.prefix { $0 != quote })
                        rest = rest.dropFirst(value.count + 1)
                    } else {
                        value = String(rest.prefix { !$0.isWhitespace && $0 != ">" })
                        rest = rest.dropFirst(value.count)
                    }
                }
                if !attributeName.isEmpty, attributes[attributeName] == nil { attributes[attributeName] = value }
            }
            tags.append(Tag(name: name, attributes: attributes))
        }
        return tags
    }
}

/// An ordered list of HTTP header fields with case-insensitive name lookup.
///
/// Order and duplicates are preserved exactly as received or added, so a header that may repeat
/// (such as `Set-Cookie`) keeps every value.
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    /// One header field.
    public typealias Element = (name: String, value: String)

    var fields: [Element]

    /// Creates an empty header list.
    public init() {
        fields = []
    }

    /// Creates a header list from ordered pairs.
    /// - Parameter pairs: `(name, value)` pairs, kept in order.
    public init(_ pairs: [(String, String)]) {
        fields = pairs.map { (name: $0.0, value: $0.1) }
    }

    /// Creates a header list from a literal such as `["Content-Type": "text/plain"]`.
    /// - Parameter elements: `(name, value)` pairs, kept in order.
    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { (name: $0.0, value: $0.1) }
    }

    /// The number of fields, counting repeated names separately.
    public var count: Int { fields.count }

    /// Whether there are no fields.
    public var isEmpty: Bool { fields.isEmpty }

    /// The first value for `name`, compared case-insensitively; nil when absent.
    /// - Parameter name: the header name, e.g. `content-type`.
    public subscript(name: String) -> String? {
        for field in fields where field.name.equalsCaseInsensitively(name) {
            return field.value
        }
        return nil
    }

    /// Appends a field, keeping any existing fields with the same name.
    /// - Parameters:
    ///   - name: the header name.
    ///   - value: the header value.
    public mutating func add(name: String, value: String) {
        fields.append((name: name, value: value))
    }

    /// Sets a field: the first existing field with this name gets the new value and any later ones
    /// are removed; when there is none, the field is appended.
    /// - Parameters:
    ///   - name: the header name, compared case-insensitively.
    ///   - value: the new value.
    public mutating func replaceOrAdd(name: String, value: String) {
        guard let first = fields.firstIndex(where: { $0.name.equalsCaseInsensitively(name) }) else {
            fields.append((name: name, value: value))
            return
        }
        fields[first] = (name: name, value: value)
        var index = fields.count - 1
        while index > first {
            if fields[index].name.equalsCaseInsensitively(name) { fields.remove(at: index) }
            index -= 1
        }
    }

    /// Removes every field with this name.
    /// - Parameter name: the header name, compared case-insensitively.
    public mutating func remove(name: String) {
        fields.removeAll { $0.name.equalsCaseInsensitively(name) }
    }

    /// Whether a field with this name is present.
    /// - Parameter name: the header name, compared case-insensitively.
    public func contains(name: String) -> Bool {
        fields.contains { $0.name.equalsCaseInsensitively(name) }
    }

    /// Every value for `name`, in order.
    /// - Parameter name: the header name, compared case-insensitively.
    public func values(for name: String) -> [String] {
        fields.compactMap { $0.name.equalsCaseInsensitively(name) ? $0.value : nil }
    }

    /// Iterates the fields in order.
    public func makeIterator() -> IndexingIterator<[Element]> {
        fields.makeIterator()
    }
}

extension HTTPHeaders: CustomStringConvertible {
    /// The fields as `name: value` lines.
    public var description: String {
        fields.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
    }
}

extension String {
    /// Compares two strings byte by byte, folding ASCII letters only (HTTP names are ASCII).
    func equalsCaseInsensitively(_ other: String) -> Bool {
        var lhs = self
        var rhs = other
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                ASCII.equalsCaseInsensitively(UnsafeRawBufferPointer(left), UnsafeRawBufferPointer(right))
            }
        }
    }
}

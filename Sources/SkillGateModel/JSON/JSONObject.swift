/// A JSON object: members in document order, looked up by key.
///
/// Alexa objects are small, so a linear scan beats hashing; building one costs a single array.
/// Setting a key that exists replaces its value in place; a new key is appended.
public struct JSONObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// One `"key": value` pair.
    public struct Member: Sendable, Hashable {
        /// The member's name.
        public var key: String
        /// The member's value.
        public var value: JSONValue

        /// Creates a member.
        /// - Parameters:
        ///   - key: the name.
        ///   - value: the value.
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The members in order.
    public private(set) var members: [Member]

    /// Creates an object from members. Keys are unique in an object: for a repeated key the
    /// last value wins, at the position of its first appearance (the rule the request decoder
    /// follows too), so equality and hashing never see a duplicate.
    /// - Parameter members: the pairs in order.
    public init(members: [Member] = []) {
        // Zero or one member cannot repeat a key; keep the array as it is (no new buffer: even
        // `reserveCapacity(0)` allocates one, and every decoded `{}` comes through here).
        guard members.count > 1 else {
            self.members = members
            return
        }
        self.members = []
        self.members.reserveCapacity(members.count)
        for member in members { appendReplacing(key: member.key, value: member.value) }
    }

    /// Creates an object from a dictionary literal (a repeated key: the last value wins).
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        // `[:]` is everywhere in the decoder; `map` would allocate even for no elements.
        guard !elements.isEmpty else {
            self.init()
            return
        }
        self.init(members: elements.map { Member(key: $0.0, value: $0.1) })
    }

    /// The number of members.
    public var count: Int { members.count }
    /// Whether the object has no members.
    public var isEmpty: Bool { members.isEmpty }
    /// The keys in order.
    public var keys: [String] { members.map(\.key) }

    /// The value for `key`, or nil. Setting nil removes the member.
    /// - Parameter key: the member name.
    public subscript(key: String) -> JSONValue? {
        get {
            for member in members where member.key == key { return member.value }
            return nil
        }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append(Member(key: key, value: newValue))
            }
        }
    }

    /// Iterates the members in order.
    public func makeIterator() -> IndexingIterator<[Member]> { members.makeIterator() }

    /// Two objects are equal when they hold the same keys with equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.members.count == rhs.members.count else { return false }
        for member in lhs.members where rhs[member.key] != member.value { return false }
        return true
    }

    /// Hashes the keys and values independently of their order.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for member in members {
            var memberHasher = Hasher()
            memberHasher.combine(member.key)
            memberHasher.combine(member.value)
            combined ^= memberHasher.finalize()
        }
        hasher.combine(members.count)
        hasher.combine(combined)
    }

    /// Appends a member, or replaces the value of an earlier member with the same key.
    mutating func appendReplacing(key: String, value: JSONValue) {
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index].value = value
        } else {
            members.append(Member(key: key, value: value))
        }
    }

    mutating func reserveCapacity(_ capacity: Int) { members.reserveCapacity(capacity) }
}

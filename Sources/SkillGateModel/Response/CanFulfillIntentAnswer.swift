/// The answer to a CanFulfillIntentRequest: `response.canFulfillIntent`.
public struct CanFulfillIntentAnswer: Sendable, Hashable {
    /// YES, NO or MAYBE.
    public enum Verdict: String, Sendable, Hashable {
        /// The skill can understand and fulfil the request.
        case yes = "YES"
        /// The skill cannot.
        case no = "NO"
        /// The skill might, e.g. once the user links an account.
        case maybe = "MAYBE"
    }

    /// The per-slot answer.
    public struct SlotAnswer: Sendable, Hashable {
        /// Whether the skill understands the slot value.
        public var canUnderstand: Verdict
        /// Whether the skill can act on it.
        public var canFulfill: Verdict

        /// Creates a slot answer.
        /// - Parameters:
        ///   - canUnderstand: understand verdict.
        ///   - canFulfill: fulfil verdict.
        public init(canUnderstand: Verdict, canFulfill: Verdict) {
            self.canUnderstand = canUnderstand
            self.canFulfill = canFulfill
        }
    }

    /// The overall verdict.
    public var canFulfill: Verdict
    /// Per-slot verdicts by slot name.
    public var slots: [String: SlotAnswer]

    /// Creates an answer.
    /// - Parameters:
    ///   - canFulfill: the overall verdict.
    ///   - slots: per-slot verdicts.
    public init(_ canFulfill: Verdict, slots: [String: SlotAnswer] = [:]) {
        self.canFulfill = canFulfill
        self.slots = slots
    }

    /// Writes the `canFulfillIntent` object.
    /// - Parameter writer: the JSON writer.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("canFulfill", canFulfill.rawValue)
        if !slots.isEmpty {
            writer.key("slots")
            writer.beginObject()
            for name in slots.keys.sorted() {
                guard let slot = slots[name] else { continue }
                writer.key(name)
                writer.beginObject()
                writer.member("canUnderstand", slot.canUnderstand.rawValue)
                writer.member("canFulfill", slot.canFulfill.rawValue)
                writer.endObject()
            }
            writer.endObject()
        }
        writer.endObject()
    }
}

import Foundation

/// A sample utterance split into literal words and `{slot}` placeholders, e.g.
/// `get me a ride to {destination}` → `get`, `me`, `a`, `ride`, `to`, `{destination}`.
/// Literal text is normalised like an utterance (see ``UtteranceWords``); a `{` with no closing
/// `}` is text.
package struct SamplePattern {
    /// One part of a sample.
    package enum Token: Equatable {
        /// A normalised literal word.
        case word(String)
        /// A slot placeholder: the slot's name.
        case slot(String)
    }

    /// The sample as written in the model.
    package let text: String
    /// Its parts in order.
    package let tokens: [Token]

    /// Parses a sample utterance.
    /// - Parameter text: the sample as written in the model.
    package init(_ text: String) {
        self.text = text
        var tokens: [Token] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            tokens += UtteranceWords(String(rest[..<open])).normal.map(Token.word)
            let name = rest[rest.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { tokens.append(.slot(name)) }
            rest = rest[rest.index(after: close)...]
        }
        tokens += UtteranceWords(String(rest)).normal.map(Token.word)
        self.tokens = tokens
    }

    /// How many literal words the sample has.
    package var literalCount: Int {
        tokens.count(where: { if case .word = $0 { true } else { false } })
    }

    /// The slot names it uses, in order.
    package var slotNames: [String] {
        tokens.compactMap { if case .slot(let name) = $0 { name } else { nil } }
    }

    /// The literal words, in order.
    package var literalWords: [String] {
        tokens.compactMap { if case .word(let word) = $0 { word } else { nil } }
    }

    /// Every way the sample matches a whole utterance: literal words must be equal, and each
    /// slot takes one or more words. Each way lists, per slot in order, the word positions it took.
    /// - Parameters:
    ///   - words: the utterance's normalised words.
    ///   - limit: the most ways to return (a sample with adjacent slots can match many ways).
    /// - Returns: the ways, in the order found (earlier slots taking fewer words first).
    package func captures(in words: [String], limit: Int = 256) -> [[(slot: String, range: Range<Int>)]] {
        var results: [[(slot: String, range: Range<Int>)]] = []
        var current: [(slot: String, range: Range<Int>)] = []
        func walk(_ token: Int, _ word: Int) {
            if results.count >= limit { return }
            guard token < tokens.count else {
                if word == words.count { results.append(current) }
                return
            }
            switch tokens[token] {
            case .word(let literal):
                if word < words.count, words[word] == literal { walk(token + 1, word + 1) }
            case .slot(let name):
                // Each later token needs at least one word, so a slot leaves room for them.
                let later = tokens.count - token - 1
                guard word + 1 <= words.count - later else { return }
                for end in (word + 1)...(words.count - later) {
                    current.append((name, word..<end))
                    walk(token + 1, end)
                    current.removeLast()
                }
            }
        }
        walk(0, 0)
        return results
    }
}

/// An utterance or a stretch of sample text as words, normalised the one way both sides of a
/// match are: lowercased, apostrophes dropped (`don't` = `dont`), every other character that is
/// not a letter or a digit treated as a space (`st.louis` = `st louis`), whitespace collapsed.
///
/// The original spelling of each word is kept too (case and inner apostrophes), because a slot's
/// value is what the user said, not its normalised form.
package struct UtteranceWords: Equatable {
    /// The words as written, punctuation removed, in order.
    package let original: [String]
    /// The same words normalised.
    package let normal: [String]

    /// Splits a text into words.
    /// - Parameter text: an utterance or sample text.
    package init(_ text: String) {
        var original: [String] = []
        var normal: [String] = []
        var current = ""
        func finish() {
            let trimmed = String(current.drop { $0 == "'" }.reversed().drop { $0 == "'" }.reversed())
            let folded = trimmed.lowercased().filter { $0 != "'" }
            if !folded.isEmpty {
                original.append(trimmed)
                normal.append(folded)
            }
            current = ""
        }
        for character in text {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if character == "'" || character == "\u{2019}" {
                current.append("'")
            } else {
                finish()
            }
        }
        finish()
        self.original = original
        self.normal = normal
    }

    private init(original: [String], normal: [String]) {
        self.original = original
        self.normal = normal
    }

    /// The normalised text: the normal words joined by single spaces.
    package var text: String { normal.joined(separator: " ") }

    /// The words as a person wrote them, for a range of word positions.
    /// - Parameter range: word positions.
    package func originalText(_ range: Range<Int>) -> String {
        original[range].joined(separator: " ")
    }
}

extension UtteranceWords {
    /// The words after the first `count`.
    /// - Parameter count: how many to drop.
    package func dropFirst(_ count: Int) -> UtteranceWords {
        UtteranceWords(original: Array(original.dropFirst(count)), normal: Array(normal.dropFirst(count)))
    }

    /// Whether the normalised words start with these.
    /// - Parameter prefix: normalised words.
    package func starts(with prefix: [String]) -> Bool {
        !prefix.isEmpty && normal.starts(with: prefix)
    }
}

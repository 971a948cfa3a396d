/// Spoken whole numbers for `AMAZON.NUMBER` slots, which Alexa fills with digits: `5`,
/// `five`, `twenty one`, `one hundred and five`, `two thousand twenty six`.
package enum NumberWords {
    private static let units: [String: Int] = [
        "zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "a": 1,
    ]
    private static let tens: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    private static let scales: [String: Int] = ["hundred": 100, "thousand": 1000, "million": 1_000_000]

    /// The number some normalised words say, or nil when they are not a whole number.
    /// - Parameter words: normalised words (`["twenty", "one"]`, or `["21"]`).
    /// - Returns: the number's digits, e.g. `21`.
    package static func digits(_ words: [String]) -> String? {
        if words.count == 1, let only = words.first, !only.isEmpty, only.allSatisfy(\.isASCII), Int(only) != nil { return only }
        guard !words.isEmpty, words.first != "and", words.last != "and", words != ["a"], words != ["oh"] else { return nil }
        var total = 0
        var group = 0
        var sawNumber = false
        for word in words {
            if word == "and" { continue }
            if let unit = units[word] {
                group += unit
            } else if let ten = tens[word] {
                group += ten
            } else if let scale = scales[word] {
                guard sawNumber || group > 0 else { return nil }
                if scale == 100 {
                    group = max(group, 1) * 100
                } else {
                    total += max(group, 1) * scale
                    group = 0
                }
            } else {
                return nil
            }
            sawNumber = true
        }
        return String(total + group)
    }
}

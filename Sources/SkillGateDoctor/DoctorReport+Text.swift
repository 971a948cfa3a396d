extension DoctorReport {
    /// The report as a readable list: a header, one block per check (verdict, title, id, reason, fix), and a
    /// summary line. Secrets appear only as their last four characters.
    public func renderText() -> String {
        var lines: [String] = []
        lines.append("skillgate doctor: \(tokenURL)")
        lines.append("client ID \(clientID), client secret \(clientSecret), \(grant)")
        lines.append("")
        let indent = String(repeating: " ", count: 8)
        for check in checks {
            let tag = "[\(check.verdict.rawValue)]".padding(toLength: 8)
            lines.append("\(tag)\(check.title)  (\(check.id.rawValue))")
            lines.append(indent + check.reason)
            if let fix = check.fix {
                lines.append(indent + "Fix: " + fix)
            }
        }
        lines.append("")
        let counts = CheckVerdict.allCases.map { "\(count(of: $0)) \($0.rawValue)" }.joined(separator: ", ")
        lines.append("\(counts): \(conclusion)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One sentence on what the verdicts mean together.
    var conclusion: String {
        if hasServerFailures {
            "account linking will break; fix every FAIL above."
        } else if hasNetworkErrors {
            "the endpoint could not be checked; see ERROR above."
        } else if count(of: .warn) > 0 {
            "linking should work; the WARNs above will still hurt some users."
        } else {
            "linking should work."
        }
    }
}

extension String {
    /// The string padded with spaces to at least `length` characters.
    /// - Parameter length: the minimum length.
    func padding(toLength length: Int) -> String {
        count >= length ? self + " " : self + String(repeating: " ", count: length - count)
    }
}

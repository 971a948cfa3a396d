import SkillGateSystem
import Testing

/// "Did you mean" for misspelled commands and options, and the one-line usage error.
struct ArgumentSuggestionTests {
    static let serveOptions = ["--host", "--port", "--path", "--no-verify", "--skill-id", "--log-level", "--help"]

    @Test(
        "a typo finds the option it was meant to be: a swap, a missing or extra letter, one dash",
        arguments: [
            ("--prot", "--port"), ("--hsot", "--host"), ("--skil-id", "--skill-id"), ("--no-verfy", "--no-verify"),
            ("-port", "--port"), ("--PORT", "--port"), ("--log-levels", "--log-level"),
        ])
    func typos(typed: String, meant: String) {
        #expect(ArgumentSuggestion.closest(to: typed, among: Self.serveOptions) == meant)
    }

    @Test("a word too far from every option gets no suggestion", arguments: ["--frobnicate", "--x", "--verbose", "--json"])
    func noSuggestion(typed: String) {
        #expect(ArgumentSuggestion.closest(to: typed, among: Self.serveOptions) == nil)
    }

    @Test("the distance counts a swap of neighbours as one edit")
    func distance() {
        #expect(ArgumentSuggestion.distance(Array("prot"), Array("port")) == 1)
        #expect(ArgumentSuggestion.distance(Array("kitten"), Array("sitting")) == 3)
        #expect(ArgumentSuggestion.distance(Array(""), Array("abc")) == 3)
        #expect(ArgumentSuggestion.distance(Array("same"), Array("same")) == 0)
    }

    @Test("unknownOption names the option and the suggestion; a plain word is an unexpected argument")
    func unknownOption() {
        #expect(
            ArgumentError.unknownOption("--prot", known: Self.serveOptions).message == "unknown option '--prot'; did you mean '--port'?")
        #expect(ArgumentError.unknownOption("--frobnicate", known: Self.serveOptions).message == "unknown option '--frobnicate'")
        #expect(ArgumentError.unknownOption("8080", known: Self.serveOptions).message == "unexpected argument '8080'")
        #expect(ArgumentError.unknownOption("-", known: Self.serveOptions).message == "unexpected argument '-'")
        var scanner = ArgumentScanner(["--prot"])
        let argument = scanner.next() ?? ""
        #expect(scanner.unknown(argument, known: Self.serveOptions) == ArgumentError("unknown option '--prot'; did you mean '--port'?"))
    }

    @Test("the usage line is one line: the problem and where the help is")
    func usageLine() {
        #expect(
            ArgumentSuggestion.usageLine(command: "skillgate lint", message: "--model PATH is required")
                == "skillgate lint: --model PATH is required (see 'skillgate lint --help')")
        let joined = ArgumentSuggestion.usageLine(command: "ride-hailer", message: "first\nsecond")
        #expect(joined == "ride-hailer: first second (see 'ride-hailer --help')")
    }
}

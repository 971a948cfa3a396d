import SkillGateSystem
import Testing

struct ArgumentScannerTests {
    /// Every argument as the scanner hands it out: `name=value` for options, `name` for flags.
    static func scan(_ arguments: [String], options: Set<String> = ["--port", "--host"]) throws(ArgumentError) -> [String] {
        var scanner = ArgumentScanner(arguments)
        var seen: [String] = []
        while let argument = scanner.next() {
            if options.contains(argument) {
                seen.append(argument + "=" + (try scanner.value(for: argument)))
            } else if argument.hasPrefix("--") {
                try scanner.flag(argument)
                seen.append(argument)
            } else {
                seen.append(argument)
            }
        }
        return seen
    }

    @Test("--name value and --name=value give the same value; flags and positionals pass through in order")
    func forms() throws {
        #expect(try Self.scan(["serve", "--port", "80", "--lines", "x"]) == ["serve", "--port=80", "--lines", "x"])
        #expect(try Self.scan(["serve", "--port=80", "--host=a=b"]) == ["serve", "--port=80", "--host=a=b"])
        #expect(try Self.scan(["--port="]) == ["--port="])
    }

    @Test("a value may be '-', '--' or start with one dash; another --option is not a value")
    func valueShapes() throws {
        #expect(try Self.scan(["--host", "-"]) == ["--host=-"])
        #expect(try Self.scan(["--host", "--"]) == ["--host=--"])
        #expect(try Self.scan(["--host", "-x"]) == ["--host=-x"])
        #expect(throws: ArgumentError("--port needs a value")) { try Self.scan(["--port", "--lines"]) }
    }

    @Test("a missing value and a flag given a value are errors naming the option")
    func errors() {
        #expect(throws: ArgumentError("--port needs a value")) { try Self.scan(["serve", "--port"]) }
        #expect(throws: ArgumentError("--lines takes no value")) { try Self.scan(["--lines=yes"]) }
    }

    @Test("failure: turns the scanner's errors into the caller's own")
    func customFailure() {
        struct UsageError: Error, Equatable { let text: String }
        var scanner = ArgumentScanner(["--port"]) { UsageError(text: "usage: " + $0.message) }
        #expect(scanner.next() == "--port")
        #expect(throws: UsageError(text: "usage: --port needs a value")) { try scanner.value(for: "--port") }
    }

    @Test("a value is taken once: an --option=value's value does not leak into the next option")
    func pendingValueIsConsumed() throws {
        var scanner = ArgumentScanner(["--port=1", "--host", "h"])
        #expect(scanner.next() == "--port")
        #expect(try scanner.value(for: "--port") == "1")
        #expect(scanner.next() == "--host")
        #expect(try scanner.value(for: "--host") == "h")
        #expect(scanner.next() == nil)
    }
}

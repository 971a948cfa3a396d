import Testing
@testable import SkillGateModel

struct JSONParserTests {
    @Test("parses every kind of value and keeps member order")
    func parsesValues() throws {
        let value = try JSONParser.parse(#" {"b": [1, -2, 3.5, 1e3, true, false, null], "a": "x", "c": {}} "#)
        #expect(value.objectValue?.keys == ["b", "a", "c"])
        #expect(value["b"] == [1, -2, 3.5, 1000.0, true, false, nil])
        #expect(value["a"] == "x")
        #expect(value["c"] == .object([:]))
    }

    @Test("decodes escapes, including surrogate pairs")
    func escapes() throws {
        let value = try JSONParser.parse(#""a\"b\\c\/d\n\t\u00e9\ud83d\ude97""#)
        #expect(value == .string("a\"b\\c/d\n\té🚗"))
    }

    @Test("keeps integers exact and large numbers as doubles")
    func numbers() throws {
        #expect(try JSONParser.parse("9007199254740993") == .integer(9_007_199_254_740_993))
        #expect(try JSONParser.parse("-9223372036854775808") == .integer(Int.min))
        #expect(try JSONParser.parse("92233720368547758080") == .double(92_233_720_368_547_758_080))
        #expect(try JSONParser.parse("0.25") == .double(0.25))
    }

    @Test("skips a UTF-8 byte-order mark")
    func byteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == [1])
    }

    @Test(
        "rejects malformed documents with the offending offset",
        arguments: [
            ("", JSONParseError.Reason.empty),
            ("   ", .empty),
            ("{", .unexpectedEnd),
            ("[1,]", .unexpectedByte(UInt8(ascii: "]"))),
            ("{\"a\" 1}", .unexpectedByte(UInt8(ascii: "1"))),
            ("{'a':1}", .unexpectedByte(UInt8(ascii: "'"))),
            ("01", .trailingData),
            ("1.", .invalidNumber),
            ("-", .unexpectedEnd),
            ("1e", .invalidNumber),
            ("tru", .unexpectedEnd),
            ("nul!", .unexpectedByte(UInt8(ascii: "!"))),
            ("\"abc", .unexpectedEnd),
            ("\"\\x\"", .invalidEscape),
            ("\"\\ud83d\"", .invalidEscape),
            ("\"\\udc00\"", .invalidEscape),
            ("\"a\u{01}b\"", .invalidString),
            ("{} {}", .trailingData),
            ("NaN", .unexpectedByte(UInt8(ascii: "N"))),
        ])
    func rejectsMalformed(input: String, reason: JSONParseError.Reason) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(input) }
        do {
            _ = try JSONParser.parse(input)
        } catch {
            #expect(error.reason == reason, "input \(input.debugDescription)")
        }
    }

    @Test("rejects invalid UTF-8 inside strings")
    func invalidUTF8() {
        let bytes: [UInt8] = [0x22, 0xC3, 0x28, 0x22]
        #expect(throws: JSONParseError(.invalidString, at: 1)) { try JSONParser.parse(bytes) }
    }

    @Test("bounds nesting depth so hostile input cannot exhaust the stack")
    func depthLimit() throws {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        _ = try JSONParser.parse(fine)
        let tooDeep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        do {
            _ = try JSONParser.parse(tooDeep)
            Issue.record("expected a depth error")
        } catch {
            #expect(error.reason == .tooDeep)
        }
    }

    @Test("error messages name the problem and the byte")
    func errorMessages() {
        #expect(JSONParseError(.unexpectedByte(0x7D), at: 7).description == "invalid JSON: unexpected '}' at byte 7")
        #expect(JSONParseError(.unexpectedByte(0x00), at: 0).description == "invalid JSON: unexpected byte 0x00 at byte 0")
    }
}

struct JSONWriterTests {
    @Test("writes compact JSON that parses back to the same value")
    func roundTrip() throws {
        let value: JSONValue = [
            "text": "quote \" backslash \\ newline \n tab \t bell \u{07} emoji 🚕", "n": 42, "d": 2.5, "big": 1e300,
            "list": [true, false, nil, [:]], "nested": ["a": ["b": "c"]],
        ]
        let bytes = value.jsonBytes
        #expect(try JSONParser.parse(bytes) == value)
        #expect(String(decoding: bytes, as: UTF8.self).contains(#"bell \u0007 emoji 🚕""#))
    }

    @Test("writes integral doubles with a fraction (they read back as doubles) and non-finite numbers as null")
    func doubles() {
        #expect(JSONValue.double(3).jsonString == "3.0")
        #expect(JSONValue.double(.infinity).jsonString == "null")
        #expect(JSONValue.array([.double(0.5), .integer(-7)]).jsonString == "[0.5,-7]")
    }

    @Test("objects compare equal regardless of member order")
    func objectEquality() {
        let left: JSONObject = ["a": 1, "b": 2]
        let right: JSONObject = ["b": 2, "a": 1]
        #expect(left == right)
        #expect(left.hashValue == right.hashValue)
        #expect(left != ["a": 1, "b": 3])
    }
}

import SkillGateFuzzSupport
import SkillGateModel

/// The property the JSON harness checks, one input at a time.
enum JSONRoundTrip {
    /// The request corpus plus a few documents that reach the number, escape and nesting paths.
    static func seeds() -> [[UInt8]] {
        let extra = [
            #"[0,-0,-0.0,1.5e300,-2.5E-300,9223372036854775807,-9223372036854775808,9223372036854775808,1e2]"#,
            #"{"a":"\u00e9\ud83d\ude00\n\t\"\\\/","b":[true,false,null,{}],"c":{"a":1,"a":2}}"#,
            "\u{FEFF}  [[[[[[[[[[\"deep\"]]]]]]]]]]  ",
            "[1e400,-1e400,1e-400,4.9e-324,1.7976931348623157e308,123456789012345678901234567890,0e0]",
        ]
        return FuzzCorpus.requestBodies() + extra.map { Array($0.utf8) }
    }

    /// Checks one input; aborts (through ``FuzzHarness/fail(_:input:)``) when the property breaks.
    static func check(_ input: [UInt8]) {
        guard let value = try? JSONParser.parse(input) else { return }
        let written = value.jsonBytes
        let reparsed: JSONValue
        do {
            reparsed = try JSONParser.parse(written)
        } catch {
            FuzzHarness.fail("the written JSON does not parse (\(error)): \(String(decoding: written, as: UTF8.self))", input: input)
        }
        guard reparsed == value else {
            FuzzHarness.fail("parse → write → parse changed the value: \(String(decoding: written, as: UTF8.self))", input: input)
        }
        guard reparsed.jsonBytes == written else {
            FuzzHarness.fail("writing the re-parsed value gave other bytes: \(String(decoding: written, as: UTF8.self))", input: input)
        }
    }
}

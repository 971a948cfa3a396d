import SkillGateFuzzSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// JSON parse → write → parse: whatever JSONParser accepts, JSONValue.jsonBytes writes back as
// JSON that parses to the same value and writes the same bytes again.
exit(FuzzHarness.main(name: "skillgate-fuzz-json", seeds: JSONRoundTrip.seeds(), check: JSONRoundTrip.check))

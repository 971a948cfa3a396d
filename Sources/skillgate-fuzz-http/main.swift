import SkillGateFuzzSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// The server's request-head parser and chunked decoder fed a byte stream whole, in pieces (split
// points taken from the input) and a byte at a time: every feeding sees the same requests.
exit(FuzzHarness.main(name: "skillgate-fuzz-http", seeds: HTTPSeeds.all(), check: SplitFeeding.check))

import SkillGateFuzzSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// The whole request path on arbitrary bytes: SkillRunner.handle(body:) of a small skill with every
// kind of route always gives exactly one valid JSON answer, an error body or a response envelope.
exit(FuzzHarness.main(name: "skillgate-fuzz-request", seeds: FuzzCorpus.requestBodies(), check: RequestPath.check))

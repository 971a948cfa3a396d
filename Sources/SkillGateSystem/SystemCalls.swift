#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// The C library's `read` and `write`, under names no `read` or `write` member can shadow.
#if canImport(Glibc)
    let systemWrite = Glibc.write
    let systemRead = Glibc.read
#elseif canImport(Musl)
    let systemWrite = Musl.write
    let systemRead = Musl.read
#elseif canImport(Darwin)
    let systemWrite = Darwin.write
    let systemRead = Darwin.read
#endif

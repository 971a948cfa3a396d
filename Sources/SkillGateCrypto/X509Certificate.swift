import COpenSSL

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One parsed X.509 certificate: read-only questions about an OpenSSL `X509` it owns (freed with it).
public final class X509Certificate {
    /// The `X509 *`.
    let pointer: OpaquePointer

    /// Takes ownership of a certificate.
    /// - Parameter pointer: an `X509 *` the caller owns a reference to.
    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        X509_free(pointer)
    }

    /// The validity period (notBefore...notAfter), or nil if either date cannot be read.
    public var validity: ClosedRange<Date>? { Self.validity(of: pointer) }

    /// The DNS entries of the Subject Alternative Name extension, in order; empty without one.
    public var dnsNames: [String] {
        guard let raw = X509_get_ext_d2i(pointer, NID_subject_alt_name, nil, nil) else {
            OpenSSLErrorQueue.clear()
            return []
        }
        let names = OpaquePointer(raw)
        defer { GENERAL_NAMES_free(names) }
        var result: [String] = []
        for index in 0..<max(0, OPENSSL_sk_num(names)) {
            guard let entry = OPENSSL_sk_value(names, index)?.assumingMemoryBound(to: GENERAL_NAME.self),
                entry.pointee.type == GEN_DNS,
                let string = entry.pointee.d.dNSName,
                let bytes = ASN1_STRING_get0_data(string)
            else { continue }
            let length = Int(ASN1_STRING_length(string))
            result.append(String(decoding: UnsafeBufferPointer(start: bytes, count: max(0, length)), as: UTF8.self))
        }
        return result
    }

    /// The subject name on one line, e.g. `/CN=echo-api.amazon.com`, for messages.
    public var subject: String {
        guard let name = X509_get_subject_name(pointer) else { return "(no subject)" }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 256) { buffer -> String in
            guard let base = buffer.baseAddress, X509_NAME_oneline(name, base, Int32(buffer.count)) != nil else {
                return "(unreadable subject)"
            }
            return String(cString: base)
        }
    }

    /// The certificate's public key, or nil when OpenSSL cannot read it.
    public var publicKey: OpenSSLKey? {
        guard let key = X509_get_pubkey(pointer) else {
            OpenSSLErrorQueue.clear()
            return nil
        }
        return OpenSSLKey(taking: key)
    }

    /// The validity period of any `X509 *`.
    static func validity(of certificate: OpaquePointer) -> ClosedRange<Date>? {
        guard let notBefore = date(X509_get0_notBefore(certificate)),
            let notAfter = date(X509_get0_notAfter(certificate)),
            notBefore <= notAfter
        else { return nil }
        return notBefore...notAfter
    }

    /// Converts an ASN.1 time to a `Date`.
    static func date(_ time: UnsafePointer<ASN1_TIME>?) -> Date? {
        guard let time else { return nil }
        var parts = tm()
        guard ASN1_TIME_to_tm(time, &parts) == 1 else {
            OpenSSLErrorQueue.clear()
            return nil
        }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }

    /// Whole seconds since 1970 for OpenSSL's verification time, clamped to what `time_t` holds.
    static func epochSeconds(_ date: Date) -> time_t {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard seconds.isFinite else { return 0 }
        if seconds >= Double(time_t.max) { return time_t.max }
        if seconds <= Double(time_t.min) { return time_t.min }
        return time_t(seconds)
    }
}

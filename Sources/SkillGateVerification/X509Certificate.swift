import COpenSSL
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Read-only questions about one OpenSSL `X509 *` (which the caller keeps alive).
enum X509Certificate {
    /// The certificate's validity period.
    /// - Parameter certificate: an `X509 *`.
    /// - Returns: notBefore and notAfter, or nil if either cannot be read.
    static func validity(of certificate: OpaquePointer) -> ClosedRange<Date>? {
        guard let notBefore = date(X509_get0_notBefore(certificate)),
            let notAfter = date(X509_get0_notAfter(certificate)),
            notBefore <= notAfter
        else { return nil }
        return notBefore...notAfter
    }

    /// The DNS entries of the Subject Alternative Name extension (via `X509_get_ext_d2i`).
    /// - Parameter certificate: an `X509 *`.
    /// - Returns: the DNS names in order; empty when there is no SAN extension.
    static func dnsNames(of certificate: OpaquePointer) -> [String] {
        guard let raw = X509_get_ext_d2i(certificate, NID_subject_alt_name, nil, nil) else {
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
    /// - Parameter certificate: an `X509 *`.
    static func subject(of certificate: OpaquePointer) -> String {
        guard let name = X509_get_subject_name(certificate) else { return "(no subject)" }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 256) { buffer -> String in
            guard let base = buffer.baseAddress, X509_NAME_oneline(name, base, Int32(buffer.count)) != nil else {
                return "(unreadable subject)"
            }
            return String(cString: base)
        }
    }

    /// The certificate's public key, owned by the returned object.
    /// - Parameter certificate: an `X509 *`.
    static func publicKey(of certificate: OpaquePointer) -> OpenSSLKey? {
        guard let key = X509_get_pubkey(certificate) else {
            OpenSSLErrorQueue.clear()
            return nil
        }
        return OpenSSLKey(taking: key)
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

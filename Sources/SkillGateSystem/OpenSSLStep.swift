/// The `openssl` command lines that make a throw-away certificate authority, each run in the folder
/// that holds an ``OpenSSLConfig`` as ``OpenSSLStep/configFile``.
///
/// Files are named after what they hold: `NAME.key` (a private key), `NAME.csr` (a certificate
/// request), `NAME.pem` (a certificate).
package enum OpenSSLStep {
    /// The config's file name in the working folder.
    package static let configFile = "openssl.cnf"

    /// The kind of key a step makes.
    package enum Key: Sendable {
        /// RSA, 2048 bits.
        case rsa
        /// EC on P-256.
        case p256

        /// The `-newkey` arguments, unencrypted.
        var arguments: [String] {
            switch self {
            case .rsa: ["-newkey", "rsa:2048", "-nodes"]
            case .p256: ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
            }
        }
    }

    /// `req -x509`: a new key `NAME.key` and a self-signed CA certificate `NAME.pem`.
    /// - Parameters:
    ///   - name: the files' base name.
    ///   - key: the kind of key.
    ///   - subject: e.g. `/CN=SkillGate Test Root CA`.
    ///   - days: the validity.
    ///   - extensions: the config's profile, e.g. one made by ``OpenSSLConfig/authority(_:pathLength:authorityKeyIdentifier:)``.
    /// - Returns: the arguments.
    package static func selfSigned(_ name: String, key: Key, subject: String, days: Int, extensions: String) -> [String] {
        ["req", "-x509", "-config", configFile] + key.arguments + [
            "-keyout", "\(name).key", "-out", "\(name).pem", "-days", "\(days)", "-sha256", "-subj", subject, "-extensions", extensions,
        ]
    }

    /// `req -new`: a new key `NAME.key` and a certificate request `NAME.csr`.
    /// - Parameters:
    ///   - name: the files' base name.
    ///   - key: the kind of key.
    ///   - subject: e.g. `/CN=echo-api.amazon.com`.
    /// - Returns: the arguments.
    package static func request(_ name: String, key: Key, subject: String) -> [String] {
        ["req", "-new", "-config", configFile] + key.arguments + ["-keyout", "\(name).key", "-out", "\(name).csr", "-subj", subject]
    }

    /// `x509 -req`: the certificate `OUT.pem` for the request `REQUEST.csr`, issued by `ISSUER.pem`
    /// with `ISSUER.key`, valid from now.
    /// - Parameters:
    ///   - request: the request's base name.
    ///   - issuer: the issuing CA's base name.
    ///   - serial: the serial number.
    ///   - days: the validity.
    ///   - extensions: the config's profile.
    ///   - out: the certificate's base name.
    /// - Returns: the arguments.
    package static func issue(_ request: String, by issuer: String, serial: String, days: Int, extensions: String, out: String) -> [String]
    {
        [
            "x509", "-req", "-in", "\(request).csr", "-CA", "\(issuer).pem", "-CAkey", "\(issuer).key", "-set_serial", serial,
            "-days", "\(days)", "-sha256", "-extfile", configFile, "-extensions", extensions, "-out", "\(out).pem",
        ]
    }

    /// `ca -batch`: like ``issue(_:by:serial:days:extensions:out:)`` but valid between two
    /// explicit dates, which only `openssl ca` can set; the config needs
    /// ``OpenSSLConfig/caDatabase(serialFile:certificatesFolder:)``.
    /// - Parameters:
    ///   - request: the request's base name.
    ///   - issuer: the issuing CA's base name.
    ///   - start: `YYMMDDHHMMSSZ` in UTC.
    ///   - end: `YYMMDDHHMMSSZ` in UTC.
    ///   - extensions: the config's profile.
    ///   - out: the certificate's base name.
    /// - Returns: the arguments.
    package static func issue(
        _ request: String, by issuer: String, from start: String, until end: String, extensions: String, out: String
    ) -> [String] {
        [
            "ca", "-batch", "-config", configFile, "-cert", "\(issuer).pem", "-keyfile", "\(issuer).key", "-in", "\(request).csr",
            "-startdate", start, "-enddate", end, "-notext", "-extfile", configFile, "-extensions", extensions, "-out", "\(out).pem",
        ]
    }
}

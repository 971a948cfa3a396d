/// An `openssl.cnf` for the `openssl` command line (`-config` and `-extfile`), made of the few
/// certificate profiles SkillGate issues: certificate authorities, TLS servers and signing
/// certificates shaped like Alexa's.
///
/// Passing this text, not the system's openssl.cnf, keeps the host's configuration out of the
/// certificates. Used by `skillgate dev-cert` and by this repository's test fixtures.
package struct OpenSSLConfig: Sendable {
    /// What an end-entity certificate is for.
    package enum Purpose: Sendable {
        /// A TLS server: `digitalSignature`, `serverAuth`.
        case tlsServer
        /// Like Alexa's request-signing certificate: `digitalSignature, keyEncipherment`,
        /// `serverAuth, clientAuth`, with subject and authority key identifiers.
        case signing
    }

    /// The `openssl ca` database files a config with ``caDatabase(serialFile:certificatesFolder:)``
    /// needs before `openssl ca` runs: an empty index, a serial file and a folder for the issued
    /// certificates.
    package private(set) var database: (index: String, serialFile: String, certificatesFolder: String)?

    /// The configuration text.
    package private(set) var text = """
        [ req ]
        distinguished_name = dn
        prompt = no
        [ dn ]
        CN = placeholder

        """

    /// A config with only the `[ req ]` section: no prompts, a placeholder subject (every command
    /// passes `-subj`).
    package init() {}

    /// Adds a certificate-authority profile: `CA:TRUE`, `keyCertSign, cRLSign`, a subject key
    /// identifier.
    /// - Parameters:
    ///   - section: the profile's name, for `-extensions`.
    ///   - pathLength: the `pathlen` constraint (0: it issues only end-entity certificates); nil for none.
    ///   - authorityKeyIdentifier: e.g. `keyid` or `keyid:always`; nil for none.
    /// - Returns: the config with the profile.
    package func authority(_ section: String, pathLength: Int? = nil, authorityKeyIdentifier: String? = nil) -> OpenSSLConfig {
        adding(
            section,
            [
                "basicConstraints = critical, CA:TRUE" + (pathLength.map { ", pathlen:\($0)" } ?? ""),
                "keyUsage = critical, keyCertSign, cRLSign",
                "subjectKeyIdentifier = hash",
            ] + (authorityKeyIdentifier.map { ["authorityKeyIdentifier = \($0)"] } ?? []))
    }

    /// Adds an end-entity profile.
    /// - Parameters:
    ///   - section: the profile's name, for `-extensions`.
    ///   - purpose: what the certificate is for.
    ///   - subjectAltName: e.g. `IP:127.0.0.1` or `DNS:echo-api.amazon.com, DNS:example.com`.
    /// - Returns: the config with the profile.
    package func endEntity(_ section: String, purpose: Purpose, subjectAltName: String) -> OpenSSLConfig {
        let usage =
            switch purpose {
            case .tlsServer: ["keyUsage = critical, digitalSignature", "extendedKeyUsage = serverAuth"]
            case .signing: ["keyUsage = critical, digitalSignature, keyEncipherment", "extendedKeyUsage = serverAuth, clientAuth"]
            }
        let identifiers =
            switch purpose {
            case .tlsServer: [String]()
            case .signing: ["subjectKeyIdentifier = hash", "authorityKeyIdentifier = keyid:always"]
            }
        return adding(section, ["basicConstraints = critical, CA:FALSE"] + usage + ["subjectAltName = \(subjectAltName)"] + identifiers)
    }

    /// Adds the database `openssl ca` needs to issue certificates with explicit dates
    /// (`-startdate`, `-enddate`); any subject with a common name is accepted.
    /// - Parameters:
    ///   - serialFile: the serial-number file's name.
    ///   - certificatesFolder: where `openssl ca` keeps copies of what it issued.
    /// - Returns: the config with the database; ``database`` names the files to create.
    package func caDatabase(serialFile: String = "serial", certificatesFolder: String = ".") -> OpenSSLConfig {
        var config = adding("ca", ["default_ca = dated_ca"])
            .adding(
                "dated_ca",
                [
                    "database = index.txt", "new_certs_dir = \(certificatesFolder)", "serial = \(serialFile)", "default_md = sha256",
                    "policy = any_name", "unique_subject = no", "copy_extensions = none",
                ]
            )
            .adding("any_name", ["commonName = supplied"])
        config.database = ("index.txt", serialFile, certificatesFolder)
        return config
    }

    private func adding(_ section: String, _ lines: [String]) -> OpenSSLConfig {
        var config = self
        config.text += "[ \(section) ]\n" + lines.map { $0 + "\n" }.joined()
        return config
    }
}

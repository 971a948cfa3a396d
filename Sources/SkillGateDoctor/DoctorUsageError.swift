/// A problem with `skillgate doctor`'s arguments. Its ``description`` says what to type instead; it never
/// repeats a secret.
public enum DoctorUsageError: Error, Equatable, CustomStringConvertible {
    /// `-h` or `--help` was given: print ``Doctor/usage`` (to standard output) and exit 0.
    case helpRequested
    /// An option that needs a value came last.
    case missingValue(option: String)
    /// An option was given an empty value.
    case emptyValue(option: String)
    /// A flag that takes no value was given one (`--json=yes`).
    case unexpectedValue(option: String)
    /// An option the doctor does not know.
    case unknownOption(String)
    /// A word that is not an option (shown shortened, in case it is a secret).
    case unexpectedArgument(String)
    /// An option was given twice.
    case duplicateOption(String)
    /// A required option is missing.
    case missingOption(String)
    /// A URL option's value is not an absolute http(s) URL with a host.
    case invalidURL(option: String, value: String)
    /// Both `--code` and `--refresh-token` were given.
    case conflictingGrants
    /// Neither `--code` nor `--refresh-token` was given.
    case missingGrant
    /// `--code` without `--redirect-uri`.
    case missingRedirectURI
    /// `--redirect-uri` without `--code` (and without an authorization URL to send it to).
    case redirectURIWithoutCode
    /// A file named by an option cannot be read.
    case unreadableFile(option: String, path: String, reason: String)
    /// `--skill-package` names a file that is not an `accountLinking.json`.
    case invalidSkillPackage(path: String, reason: String)
    /// Both `--client-secret` and `--client-secret-file` were given.
    case conflictingSecrets
    /// `--code-verifier` is not 43–128 unreserved characters (the value is not repeated: it is a secret).
    case invalidCodeVerifier
    /// `--code` with `--pkce` but no `--code-verifier`.
    case verifierNeeded
    /// `doctor link` with `--code` or `--refresh-token`.
    case grantInWalkthrough
    /// `doctor link` (or an option that needs one) without an authorization URL.
    case missingAuthorizationURL

    /// What went wrong and what to type instead.
    public var description: String {
        switch self {
        case .helpRequested:
            "help requested"
        case .missingValue(let option):
            "\(option) needs a value"
        case .emptyValue(let option):
            "\(option) was given an empty value"
        case .unexpectedValue(let option):
            "\(option) takes no value"
        case .unknownOption(let option):
            "unknown option \(option)"
        case .unexpectedArgument(let shortened):
            "unexpected argument \(shortened) (every value follows its option, e.g. --code C)"
        case .duplicateOption(let option):
            "\(option) was given more than once"
        case .missingOption("--client-secret"):
            "a client secret is required: set SKILLGATE_CLIENT_SECRET or pass --client-secret-file PATH (--client-secret S "
                + "works too, but shows the secret in ps and shell history)"
        case .missingOption(let option):
            "\(option) is required"
        case .invalidURL(let option, let value):
            "\(option) needs an absolute http or https URL with a host, not \"\(value)\""
        case .conflictingGrants:
            "give either --code (with --redirect-uri) or --refresh-token, not both"
        case .missingGrant:
            "give --code C --redirect-uri U (a fresh authorization code) or --refresh-token R"
        case .missingRedirectURI:
            "--code needs --redirect-uri: the redirect_uri the code was issued for (one of Alexa's redirect URLs)"
        case .redirectURIWithoutCode:
            "--redirect-uri is only used with --code, with doctor link, or with an authorization URL to send it to"
        case .unreadableFile(let option, let path, let reason):
            "\(option) \(path) cannot be read: \(reason)"
        case .invalidSkillPackage(let path, let reason):
            "--skill-package \(path) is not an ASK CLI accountLinking.json: \(reason)"
        case .conflictingSecrets:
            "give the client secret one way: --client-secret-file PATH or --client-secret S, not both (or neither, and set "
                + "SKILLGATE_CLIENT_SECRET)"
        case .invalidCodeVerifier:
            "--code-verifier must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~ (RFC 7636 §4.1)"
        case .verifierNeeded:
            "--code with --pkce needs --code-verifier V: the verifier whose challenge the code was requested with"
        case .grantInWalkthrough:
            "doctor link gets the code from your browser: leave out --code and --refresh-token"
        case .missingAuthorizationURL:
            "give the authorization URL with --skill-package PATH or --authorization-url URL"
        }
    }
}

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
    /// `--redirect-uri` without `--code`.
    case redirectURIWithoutCode

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
            "unexpected argument \(shortened) (every value follows its option, e.g. --client-secret S)"
        case .duplicateOption(let option):
            "\(option) was given more than once"
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
            "--redirect-uri is only used with --code"
        }
    }
}

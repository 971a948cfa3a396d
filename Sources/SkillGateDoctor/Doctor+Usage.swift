extension Doctor {
    /// The help text for `skillgate doctor`.
    public static let usage: String = """
        Usage: skillgate doctor --token-url URL --client-id ID [secret] \
        (--code C --redirect-uri U | --refresh-token R) [options]
               skillgate doctor --skill-package PATH [secret] [--code C --redirect-uri U | --refresh-token R] [options]
               skillgate doctor link --skill-package PATH [secret] [options]

        Checks a skill's OAuth 2.0 account linking the way Alexa uses it and names every problem it finds, with the
        fix: the skill's settings, TLS as Alexa sees it, the authorization URI and login page, and the token
        endpoint. Use a test account: the doctor spends the code and refreshes the tokens it is given.
        `doctor link` walks you through a real login: it prints the authorization URL, you log in in a browser
        and paste the URL you land on, and it checks that redirect, then spends the code on every token check.

        The client secret (never printed: only its last 4 characters), one of:
          SKILLGATE_CLIENT_SECRET        the environment variable (preferred)
          --client-secret-file PATH      a file holding the secret (a trailing newline is ignored)
          --client-secret S              works, but WARNs: the secret shows in ps and shell history

        Options:
          --skill-package PATH  the ASK CLI skill-package/accountLinking.json (or its folder): URLs, client ID,
                                Client Authentication Scheme, domains and scopes come from it
          --token-url URL       the Access Token URI (default: the skill package's accessTokenUrl)
          --client-id ID        the client ID (default: the skill package's clientId)
          --authorization-url URL  the Authorization URI (default: the skill package's authorizationUrl)
          --vendor-id ID        your vendor ID, for Alexa's redirect URLs
                                (https://pitangui.amazon.com/api/skill/link/ID); a placeholder otherwise
          --code C              a fresh authorization code; it is single-use, so the doctor spends it
          --redirect-uri U      the redirect_uri the code was issued for (one of Alexa's redirect URLs)
          --refresh-token R     start from a refresh token instead of a code
          --pkce                PKCE as Alexa sends it when enabled: the doctor makes the code verifier and
                                sends its S256 code_challenge
          --code-verifier V     the PKCE verifier a --code was requested with (43-128 characters)
          --probe URL           a resource endpoint that accepts the access token as a Bearer token
          --ca-file PEM         trust the certificate authorities in this PEM file for HTTPS instead of the
                                system's (a private or test CA)
          --json                print a machine-readable report (every check's id, verdict, reason, fix and
                                evidence)
          -h, --help            show this help

        Exit status: 0 when nothing FAILs; 1 when a check FAILs; 2 for a usage error, or when an endpoint
        could not be reached (an ERROR is not a verdict on the server).
        """
}

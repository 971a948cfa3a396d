/// A custom Alexa skill: a configuration, how tokens become accounts, and a table of routes.
///
/// Conform a struct, mark it `@main`, and the binary runs as `stdio`, `serve`, `routes` or `lambda`
/// (see `Skill.main()` in the `SkillGate` module). The linking policy of every route is visible
/// where it is declared, and the account a `.required` handler gets has the type your
/// ``accounts`` resolver produces:
///
/// ```swift
/// @main struct RideHailer: Skill {
///     let accounts = RideAccounts()                 // AccountResolver, Account == RideProfile
///     var configuration: SkillConfiguration { SkillConfiguration(name: "Ride Hailer") }
///     var routes: [Route] {
///         Intent("OrderRideIntent", linking: .required) { _, context in
///             .tell("Paid with your \(context.account.payment).")   // RideProfile, non-optional
///         }
///     }
/// }
/// ```
public protocol Skill: Sendable {
    /// The resolver that turns account-linking tokens into the skill's accounts;
    /// ``TokenAccounts`` (the token is the account) unless the skill declares one.
    associatedtype Accounts: AccountResolver = TokenAccounts

    /// Creates the skill; `main()` calls this once at start-up.
    init()

    /// The skill's name, IDs and prompts.
    var configuration: SkillConfiguration { get }

    /// Resolves tokens into accounts, once per gated request.
    var accounts: Accounts { get }

    /// Runs around every request, in order (see ``SkillMiddleware``); none by default.
    var middleware: [any SkillMiddleware] { get }

    /// Where `context.persistentAttributes` are kept between sessions (see
    /// ``PersistenceConfiguration``); none by default.
    var persistence: PersistenceConfiguration? { get }

    /// The routes: launch, intents, session end, can-fulfill, events, fallback and error handler.
    @RouteBuilder var routes: [Route] { get }
}

extension Skill {
    /// The skill's account type: what ``accounts`` resolves tokens into.
    public typealias Account = Accounts.Account
    /// An intent route whose `.required` and `.optional` handlers get this skill's ``Account``.
    public typealias Intent = IntentRoute<Accounts.Account>
    /// A launch route whose `.required` and `.optional` handlers get this skill's ``Account``.
    public typealias Launch = LaunchRoute<Accounts.Account>

    /// No middleware.
    public var middleware: [any SkillMiddleware] { [] }
}

extension Skill where Accounts == TokenAccounts {
    /// Any present token counts as linked; the account is the token itself.
    public var accounts: TokenAccounts { TokenAccounts() }
}

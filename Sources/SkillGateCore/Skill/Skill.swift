/// A custom Alexa skill: a configuration and a table of routes.
///
/// Conform a struct, mark it `@main`, and the binary runs as `stdio`, `serve`, `routes` or `lambda`
/// (see ``Skill/main()``). The linking policy of every route is visible where it is declared.
public protocol Skill: Sendable {
    /// Creates the skill; `main()` calls this once at start-up.
    init()

    /// The skill's name, IDs, prompts and token validator.
    var configuration: SkillConfiguration { get }

    /// The routes: launch, intents, session end, can-fulfill, events, fallback and error handler.
    @RouteBuilder var routes: [Route] { get }
}

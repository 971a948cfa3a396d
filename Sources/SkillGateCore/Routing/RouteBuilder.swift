/// Collects route declarations into `[Route]`, with `if`, `if/else` and `for` allowed.
@resultBuilder
public enum RouteBuilder {
    /// A single declaration.
    public static func buildExpression(_ declaration: some RouteConvertible) -> [Route] { [declaration.route] }
    /// A list of routes, e.g. from a helper function.
    public static func buildExpression(_ routes: [Route]) -> [Route] { routes }
    /// Joins the parts of a block.
    public static func buildBlock(_ parts: [Route]...) -> [Route] { parts.flatMap { $0 } }
    /// An `if` without `else`.
    public static func buildOptional(_ part: [Route]?) -> [Route] { part ?? [] }
    /// The first branch of an `if/else`.
    public static func buildEither(first part: [Route]) -> [Route] { part }
    /// The second branch of an `if/else`.
    public static func buildEither(second part: [Route]) -> [Route] { part }
    /// A `for` loop.
    public static func buildArray(_ parts: [[Route]]) -> [Route] { parts.flatMap { $0 } }
}

/// The environment a skill's command runs with under `replay --exec` and `lint --exec`.
enum SkillEnvironment {
    /// Ours, with `LOG_LEVEL` defaulting to `warning` so only the skill's problems show.
    /// - Parameter environment: this process's environment.
    /// - Returns: the child's.
    static func forChild(of environment: [String: String]) -> [String: String] {
        var child = environment
        if child["LOG_LEVEL"] == nil { child["LOG_LEVEL"] = "warning" }
        return child
    }
}

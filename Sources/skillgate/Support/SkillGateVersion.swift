/// The version `skillgate --version` prints.
enum SkillGateVersion {
    /// The release this tree is.
    static let current = "0.2.0"
}

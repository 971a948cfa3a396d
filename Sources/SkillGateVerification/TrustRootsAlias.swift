public import SkillGateCrypto

/// The root certificates a chain must reach: SkillGateCrypto's ``SkillGateCrypto/TrustRoots``, named
/// here so code that imports only SkillGateVerification can write `TrustRoots.file(path)`.
public typealias TrustRoots = SkillGateCrypto.TrustRoots

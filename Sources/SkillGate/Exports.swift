// Authors write `import SkillGate` and get the core (and with it the wire types and the logger).
@_exported public import SkillGateCore

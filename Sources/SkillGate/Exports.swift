// Authors write `import SkillGate` and get the wire types and the logger with it.
@_exported public import SkillGateLogging
@_exported public import SkillGateModel

// Code that imports the core gets the wire types and the logger with it.
@_exported public import SkillGateLogging
@_exported public import SkillGateModel

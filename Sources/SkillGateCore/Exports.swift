// Code that imports the core gets the wire types and the logger with it, and the shape of its
// public errors (KindedError, e.g. AlexaAPITransportError).
@_exported public import SkillGateLogging
@_exported public import SkillGateModel
@_exported public import struct SkillGateSystem.KindedError

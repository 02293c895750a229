export { type AgencyDeclaration, type DurationText, type FieldValue, type FlowKit, type Procedure, ProcedureBuilder, type ProcedureMeta, type StepIdsOf, procedure } from './builder.ts';
export { type ProcedureFormat, readProcedure, writeProcedure } from './io.ts';
export { PROCEDURE_SCHEMA_ID, procedureJsonSchema, procedureJsonSchemaText } from './json-schema.ts';
export { PROCEDURE_DEFAULTS, type ProcedureInput, procedureSchema } from './schema.ts';
export type * from './spec.ts';
export { CHANNELS, EXCLUDED_REASONS, LEVELS } from './spec.ts';
export { CHANNEL_CODES } from './channel-codes.ts';
export { PROCEDURE_PROBLEM_CODES, type ProcedureProblemCode, type ValidateOptions, listProblems, validateProcedure } from './validate.ts';
export { type VariantChanges, deriveVariant } from './variant.ts';

export * from './schema';
export type { PlanError, PlanErrorCode } from './plan-error';
export { parsePlanDefinition, type ParseOptions, type ParseResult, type DefinitionSource } from './parse-plan-definition';
export { planDefinitionJsonSchema, departmentsFileJsonSchema, jsonSchemaFiles, type JsonSchemaFileName } from './json-schema/json-schemas';
export { parseDepartmentsFile, looksLikeDepartmentsFile, type DepartmentsFileResult } from './parse-departments-file';
export { DEFAULT_PARSE_LIMITS, type ParseLimits } from './source/parse-limits';
export { closestMatch } from './shared/closest-match';
export * from './targets/target-terms';

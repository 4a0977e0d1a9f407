export * from './schema';
export type { PlanError, PlanErrorCode } from './plan-error';
export { parsePlanDefinition, type ParseOptions, type ParseResult, type DefinitionSource } from './parse-plan-definition';
export { planDefinitionJsonSchema, departmentsFileJsonSchema, jsonSchemaFiles, type JsonSchemaFileName } from './json-schema/json-schemas';
export { parseDepartmentsFile, looksLikeDepartmentsFile, type DepartmentsFileResult } from './parse-departments-file';
export { parseHolidaysFile, loadHolidaysFile, HOLIDAYS_FILE_VARIABLE, type HolidaysFileResult, type HolidaysLoad } from './parse-holidays-file';
export { DEFAULT_PARSE_LIMITS, type ParseLimits } from './source/parse-limits';
export { closestMatch } from './shared/closest-match';
export { planSpan } from './checks/phase-windows';

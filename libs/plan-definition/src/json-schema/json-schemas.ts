import { z } from 'zod';
import { DepartmentsFile, HolidaysFile, PlanDefinition } from '../schema';

// Editors validate what people type, so the schema describes the input side: defaulted keys
// are optional, and dates are plain YYYY-MM-DD strings.
const options = { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' } as const;

export function planDefinitionJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(PlanDefinition, options), title: 'planledger plan definition' };
}

export function departmentsFileJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(DepartmentsFile, options), title: 'planledger departments file' };
}

/** The deployer's PLANLEDGER_HOLIDAYS_FILE (ADR 0021). */
export function holidaysFileJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(HolidaysFile, options), title: 'planledger holiday file (PLANLEDGER_HOLIDAYS_FILE)' };
}

/** The checked-in files, byte for byte: the generator writes these and a test compares them. */
export const jsonSchemaFiles = {
  'plan-definition.schema.json': () => `${JSON.stringify(planDefinitionJsonSchema(), null, 2)}\n`,
  'departments-file.schema.json': () => `${JSON.stringify(departmentsFileJsonSchema(), null, 2)}\n`,
  'holidays-file.schema.json': () => `${JSON.stringify(holidaysFileJsonSchema(), null, 2)}\n`,
} as const;
export type JsonSchemaFileName = keyof typeof jsonSchemaFiles;

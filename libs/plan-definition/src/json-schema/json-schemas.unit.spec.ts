import checkedInDepartmentsSchema from '../../departments-file.schema.json';
import checkedInHolidaysSchema from '../../holidays-file.schema.json';
import checkedInPlanSchema from '../../plan-definition.schema.json';
import { departmentsFileJsonSchema, holidaysFileJsonSchema, jsonSchemaFiles, planDefinitionJsonSchema } from './json-schemas';

// JSON imports keep this test free of file IO; the text comparison catches formatting drift.
describe('editor JSON Schemas', () => {
  it('plan-definition.schema.json is current: run `npm run schema:generate` after changing the zod schemas', () => {
    expect(checkedInPlanSchema).toEqual(planDefinitionJsonSchema());
    expect(`${JSON.stringify(checkedInPlanSchema, null, 2)}\n`).toBe(jsonSchemaFiles['plan-definition.schema.json']());
  });

  it('departments-file.schema.json is current: run `npm run schema:generate` after changing the zod schemas', () => {
    expect(checkedInDepartmentsSchema).toEqual(departmentsFileJsonSchema());
  });

  it('holidays-file.schema.json is current: run `npm run schema:generate` after changing the zod schemas', () => {
    expect(checkedInHolidaysSchema).toEqual(holidaysFileJsonSchema());
  });

  it('describes the deadline shapes and rejects unknown keys, so editors can complete and flag them', () => {
    const text = JSON.stringify(planDefinitionJsonSchema());
    for (const kind of ['fixed', 'yearly', 'count', 'cycle', 'phase']) expect(text).toContain(`"const":"${kind}"`);
    expect(text).toContain('"additionalProperties":false');
  });
});

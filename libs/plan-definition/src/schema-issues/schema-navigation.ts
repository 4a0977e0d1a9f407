import type { z } from 'zod';
import type { KeyPath } from '../plan-error';

/** Internal zod 4 definition fields this module reads; not part of zod's typed surface. */
interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  values?: unknown[];
}

const defOf = (schema: z.ZodType): SchemaDef => schema._zod.def as SchemaDef;

/** Strips optional, default and preprocess wrappers to reach the schema that checks the value. */
function unwrap(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  if (def.innerType && ['optional', 'default', 'prefault', 'nullable', 'readonly'].includes(def.type)) return unwrap(def.innerType);
  if (def.type === 'pipe' && def.out) return unwrap(def.out);
  return schema;
}

/** The schema that checks the value at `path` in `data`, choosing union branches by the data. */
export function schemaAt(root: z.ZodType, path: KeyPath, data: unknown): z.ZodType | undefined {
  let schema: z.ZodType | undefined = unwrap(root);
  let value = data;
  for (const segment of path) {
    if (!schema) return undefined;
    schema = branchFor(schema, value);
    const def = defOf(schema);
    if (def.type === 'object' && typeof segment === 'string') schema = def.shape?.[segment];
    else if (def.type === 'array' && typeof segment === 'number') schema = def.element;
    else return undefined;
    value = isRecord(value) || Array.isArray(value) ? (value as Record<string | number, unknown>)[segment] : undefined;
    schema = schema && unwrap(schema);
  }
  return schema && branchFor(schema, value);
}

/** The keys an object schema accepts at `path`, for "unknown key … allowed keys are …". */
export function allowedKeysAt(root: z.ZodType, path: KeyPath, data: unknown): string[] {
  const schema = schemaAt(root, path, data);
  const shape = schema && defOf(schema).type === 'object' ? defOf(schema).shape : undefined;
  return shape ? Object.keys(shape).filter((k) => k !== '$schema') : [];
}

function branchFor(schema: z.ZodType, value: unknown): z.ZodType {
  const def = defOf(schema);
  if (def.type !== 'union' || !def.options) return schema;
  const objects = def.options.map(unwrap).filter((o) => defOf(o).type === 'object');
  if (def.discriminator && isRecord(value)) {
    const wanted = value[def.discriminator];
    const match = objects.find((o) => {
      const literal = defOf(o).shape?.[def.discriminator as string];
      return literal && defOf(literal).values?.includes(wanted);
    });
    if (match) return match;
  }
  if (isRecord(value)) {
    const keys = Object.keys(value);
    const best = objects.find((o) => keys.every((k) => k in (defOf(o).shape ?? {})));
    if (best) return best;
  }
  return objects[0] ?? schema;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Top-level keys the schema fills in or leaves out when absent. */
export function optionalTopLevelKeys(root: z.ZodType): Set<string> {
  const shape = defOf(unwrap(root)).shape ?? {};
  return new Set(Object.keys(shape).filter((key) => ['optional', 'default', 'prefault'].includes(defOf(shape[key]).type)));
}

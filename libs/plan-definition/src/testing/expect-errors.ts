import { parsePlanDefinition, type ParseOptions } from '../parse-plan-definition';
import type { PlanError } from '../plan-error';

/** Parses text that must be rejected and returns its errors. */
export function errorsOf(text: string, file = 'plan.yaml', opts?: ParseOptions): PlanError[] {
  const result = parsePlanDefinition(text, file, opts);
  if (result.ok) throw new Error('expected the definition to be rejected, but it was accepted');
  return result.errors;
}

/** Parses text that must be rejected with exactly one error. */
export function onlyErrorOf(text: string, file = 'plan.yaml', opts?: ParseOptions): PlanError {
  const errors = errorsOf(text, file, opts);
  if (errors.length !== 1) throw new Error(`expected one error, got ${errors.length}:\n${errors.map((e) => `${e.line}:${e.column} ${e.path} ${e.message}`).join('\n')}`);
  return errors[0];
}

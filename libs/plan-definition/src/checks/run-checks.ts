import type { UnlocatedError } from '../plan-error';
import { ErrorCollector, type CheckInput } from './check-context';
import { checkDeadlines } from './deadlines';
import { checkDuplicateIds } from './duplicate-ids';
import { checkDynamicDeadlines } from './dynamic-deadlines';
import { checkPhases } from './phases';
import { checkReferences } from './references';
import { checkResponsibilities } from './responsibilities';

/** The checks that need the whole plan at once; each reports every problem it finds. */
export function runDefinitionChecks(input: CheckInput): UnlocatedError[] {
  const errors = new ErrorCollector(input.planFile);
  checkDuplicateIds(input, errors);
  checkReferences(input, errors);
  checkPhases(input, errors);
  checkDeadlines(input, errors);
  checkResponsibilities(input, errors);
  checkDynamicDeadlines(input, errors);
  return errors.errors;
}

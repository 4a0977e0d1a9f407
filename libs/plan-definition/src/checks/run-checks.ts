import type { UnlocatedError } from '../plan-error';
import { ErrorCollector, type CheckInput } from './check-context';
import { checkAssessment } from './assessment';
import { checkCoarseDeadlines } from './coarse-deadlines';
import { checkDeadlines } from './deadlines';
import { checkDuplicateIds } from './duplicate-ids';
import { checkDynamicDeadlines } from './dynamic-deadlines';
import { checkOrderedPhases } from './ordered-phases';
import { checkInspections } from './inspections';
import { checkPhases } from './phases';
import { checkReferences } from './references';
import { checkResponsibilities } from './responsibilities';
import { checkTargets } from './targets';
import { checkParentCycles, checkReviewAndEscalationTargets, checkTimeZone } from './units-and-zone';

/** The checks that need the whole plan at once; each reports every problem it finds. */
export function runDefinitionChecks(input: CheckInput): UnlocatedError[] {
  const errors = new ErrorCollector(input.planFile);
  checkDuplicateIds(input, errors);
  checkReferences(input, errors);
  checkPhases(input, errors);
  checkDeadlines(input, errors);
  checkCoarseDeadlines(input, errors);
  checkResponsibilities(input, errors);
  checkTimeZone(input, errors);
  checkReviewAndEscalationTargets(input, errors);
  checkParentCycles(input, errors);
  checkDynamicDeadlines(input, errors);
  checkOrderedPhases(input, errors);
  checkTargets(input, errors);
  checkInspections(input, errors);
  checkAssessment(input, errors);
  return errors.errors;
}

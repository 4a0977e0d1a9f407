import { targetTermsOf } from '../targets/target-terms';
import type { CheckInput, ErrorCollector } from './check-context';

/**
 * Each target has what its kind needs (a unit, a baseline for 翻番, levels for a grade), its
 * milestones are periods of the same kind before its end, and its reporter is a unit of the plan.
 */
export function checkTargets({ definition: d }: CheckInput, errors: ErrorCollector): void {
  d.targets.forEach((target, i) => {
    for (const { path, message } of targetTermsOf(target).problems) errors.inPlan(['targets', i, ...path], 'invalid-value', `target "${target.id}": ${message}`);
    if (target.measuredBy && target.measuredBy.by === undefined && (target.appliesTo ?? []).length === 0) {
      errors.inPlan(['targets', i, 'measuredBy'], 'missing-key', `target "${target.id}" is plan-wide: say which unit reports it (measuredBy: { by: bureau-office, due: "11-30" })`);
    }
  });
}

import type { AssessmentRubric, BulletinTimetable, RubricRuleName, RubricRuleOf } from '@planledger/domain';
import type { Definition } from './definition';
import type { DepartmentDirectory } from './responsible-departments';

/*
 * The plan's 考核 rubric and bulletin timetable, as the schedule carries them: rules written as a
 * bare number become { points }, classes named as assessed units become their members (in the
 * order written, each once). Left out of the schedule when the plan declares none, so schedules of
 * plans without them stay as they were.
 */

const ruleOf = (rule: number | { points: number; limit?: number }): RubricRuleOf =>
  typeof rule === 'number' ? { points: rule } : { points: rule.points, ...(rule.limit !== undefined ? { limit: rule.limit } : {}) };

export function compiledAssessment(definition: Definition, directory: DepartmentDirectory): { assessment?: AssessmentRubric } {
  const written = definition.assessment;
  if (written === undefined) return {};
  const rules: AssessmentRubric['rules'] = {};
  for (const [name, rule] of Object.entries(written.rules) as [RubricRuleName, number | { points: number; limit?: number } | undefined][]) {
    if (rule !== undefined) rules[name] = ruleOf(rule);
  }
  const rubric: AssessmentRubric = { periods: written.periods, base: written.base, rules };
  if (written.units !== undefined) rubric.units = [...new Set(written.units.flatMap((id) => directory.membersOf(id)))];
  if (written.floor !== undefined) rubric.floor = written.floor;
  if (written.cap !== undefined) rubric.cap = written.cap;
  if (written.commend !== undefined) rubric.commend = { ...written.commend };
  return { assessment: rubric };
}

export function compiledBulletinTimetable(definition: Definition): { bulletins?: BulletinTimetable } {
  const written = definition.bulletins;
  if (written === undefined) return {};
  return { bulletins: { ...(written.weekly ? { weekly: written.weekly } : {}), ...(written.monthly ? { monthly: written.monthly } : {}), phaseEnd: written.phaseEnd } };
}

import { addDays, dayOf, isoWeekday, localDateOf, startOfLocalDay } from '@planledger/calendar';
import type { AssessmentRubric, BulletinTimetable, RubricRuleName, RubricRuleOf, ScheduledBulletin, ScheduledPhase } from '@planledger/domain';
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

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * The bulletins the plan issues by itself over its span, at the start of the day named (where the
 * plan lives): weekly, covering the Monday-to-Sunday week that ended before that day; monthly,
 * covering the calendar month before; at each phase's end, covering that phase. A slot is kept
 * when it falls after the plan starts and no later than it ends, and reports on some of the plan's days.
 */
export function compiledBulletinTimetable(
  definition: Definition, span: { startsAt: string; endsAt: string }, phases: readonly ScheduledPhase[],
): { bulletins?: BulletinTimetable } {
  const written = definition.bulletins;
  if (written === undefined) return {};
  const zone = definition.plan.timeZone;
  const startMs = Date.parse(span.startsAt);
  const endMs = Date.parse(span.endsAt);
  const slots: ScheduledBulletin[] = [];
  const within = (at: string) => Date.parse(at) > startMs && Date.parse(at) <= endMs;
  const first = localDateOf(span.startsAt, zone);
  const last = localDateOf(span.endsAt, zone);
  for (let date = first; date <= last; date = addDays(date, 1)) {
    const dueAt = startOfLocalDay(date, zone);
    if (!within(dueAt)) continue;
    if (written.weekly !== undefined && WEEKDAYS[isoWeekday(date) - 1] === written.weekly) {
      // The last complete Monday–Sunday week before `date`: it ends on the Sunday before.
      const sunday = addDays(date, -isoWeekday(date));
      slots.push({ slotId: `weekly.${date}`, dueAt, period: { kind: 'window', from: addDays(sunday, -6), to: sunday } });
    }
    if (written.monthly !== undefined && dayOf(date) === written.monthly) {
      const previous = addDays(`${date.slice(0, 8)}01`, -1);
      // A month wholly before the plan began has nothing to report.
      if (previous >= first) slots.push({ slotId: `monthly.${previous.slice(0, 7)}`, dueAt, period: { kind: 'window', from: `${previous.slice(0, 8)}01`, to: previous } });
    }
  }
  if (written.phaseEnd) {
    for (const phase of phases) if (Date.parse(phase.closesAt) <= endMs) slots.push({ slotId: `phase.${phase.phaseId}`, dueAt: phase.closesAt, period: { kind: 'phase', phaseId: phase.phaseId } });
  }
  slots.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.slotId < b.slotId ? -1 : 1));
  return { bulletins: { ...(written.weekly ? { weekly: written.weekly } : {}), ...(written.monthly ? { monthly: written.monthly } : {}), phaseEnd: written.phaseEnd, slots } };
}

import type { PlanSchedule } from '@planledger/domain';

/**
 * Work a plan would owe already at publication: obligations due before `at`. Publishing such a
 * plan issues them at once and marks them overdue, which a planner must have seen and agreed to.
 */
export function pastDueAt(schedule: PlanSchedule, at: string): { count: number; firstDueAt?: string } {
  const now = Date.parse(at);
  let count = 0;
  let first: number | undefined;
  for (const obligation of schedule.obligations) {
    const due = Date.parse(obligation.dueAt);
    if (due >= now) continue;
    count++;
    if (first === undefined || due < first) first = due;
  }
  return { count, firstDueAt: first === undefined ? undefined : schedule.obligations.find((o) => Date.parse(o.dueAt) === first)?.dueAt };
}

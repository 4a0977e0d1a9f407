import type { PlanSchedule } from '@planledger/domain';

/**
 * Work a plan would owe already at publication: obligations due before `at`. Publishing such a
 * plan issues them at once and marks them overdue, which a planner must have seen and agreed to.
 */
export function pastDueAt(schedule: PlanSchedule, at: string): { count: number; firstDueAt?: string } {
  const now = Date.parse(at);
  let count = 0;
  let first: { dueAt: string; ms: number } | undefined;
  for (const { dueAt } of schedule.obligations) {
    const ms = Date.parse(dueAt);
    if (ms >= now) continue;
    count++;
    if (!first || ms < first.ms) first = { dueAt, ms };
  }
  return { count, firstDueAt: first?.dueAt };
}

import { owingStatuses } from '@planledger/domain';

/**
 * Where a piece of work stands for the people watching a plan (issue 14's matrix colours), judged
 * at business time `now`: the worst applies, in this order.
 * - escalated: still owed, and escalated (督办) at least once;
 * - overdue: still owed and past its deadline (marked by the overdue timer, or due and not marked yet);
 * - due_soon: still owed (or submitted and in review), due within the "soon" window;
 * - on_time: the rest of the issued work that is not finished;
 * - accepted: done;
 * - not_issued: owed by the schedule, not issued yet (no read_assignments row);
 * waived and cancelled work is owed by nobody and counted in no state; a standing duty (常态化,
 * period key "standing") has no deadline and is on_time until accepted.
 */
export const WORK_STATES = ['accepted', 'on_time', 'due_soon', 'overdue', 'escalated', 'not_issued'] as const;
export type WorkState = (typeof WORK_STATES)[number];

/** Counts in the order of WORK_STATES. */
export type WorkStateCounts = [accepted: number, onTime: number, dueSoon: number, overdue: number, escalated: number, notIssued: number];
export const emptyCounts = (): WorkStateCounts => [0, 0, 0, 0, 0, 0];
export const stateIndex = (state: WorkState): number => WORK_STATES.indexOf(state);

/** A literal list, so that the planner can match partial indexes written with the same list. */
export const OWING_LIST = `(${owingStatuses.map((status) => `'${status}'`).join(', ')})`;

/**
 * The state of `read_assignments a` as SQL; `$now` and `$soon` are the placeholders of business
 * time and of the end of the "due soon" window. NULL for waived and cancelled work.
 */
export function stateSql(now: string, soon: string): string {
  return `case
    when a.status = 'accepted' then 'accepted'
    when a.status in ('waived', 'cancelled') then null
    when a.period_key = 'standing' then 'on_time'
    when a.status in ${OWING_LIST} and a.escalation_level > 0 then 'escalated'
    when a.status in ${OWING_LIST} and (a.overdue_since is not null or a.due_at <= ${now}::timestamptz) then 'overdue'
    when a.due_at <= ${soon}::timestamptz then 'due_soon'
    else 'on_time' end`;
}

/** "Due soon": within 7 days of now, as the inbox's "due within 7 days" group. */
export const DUE_SOON_DAYS = 7;
export const soonAfter = (nowIso: string): string => new Date(Date.parse(nowIso) + DUE_SOON_DAYS * 86_400_000).toISOString();

import { owingStatuses, type AssignmentStatus } from '@planledger/domain';
import type { SqlQueryable } from '@planledger/event-store';
import { ASSIGNMENT_COLUMNS, toAssignmentView, type AssignmentRow, type AssignmentView } from './assignment-view';

/** The groups of a person's inbox, in the order a page shows them; an assignment is in exactly one. */
/** `standing`: 常态化 duties (period key "standing"), open with no deadline, never overdue. */
export const INBOX_GROUPS = ['overdue', 'dueWithin7Days', 'awaitingMyReview', 'inProgress', 'standing', 'done'] as const;
export type InboxGroup = (typeof INBOX_GROUPS)[number];

export interface MyInboxItem extends AssignmentView {
  group: InboxGroup;
  planTitle: string;
  planTimeZone: string;
  /** The department reviewing a submission now (its review chain at its step), else null. */
  currentReviewer: string | null;
  /** The whole review chain after the drafting department, in order (for the caller's allowed actions). */
  reviewChain: string[];
  /** The role whose holders carry the work (班主任), else null (ADR 0022). */
  role: string | null;
  /** True when the person is named by the roster for this work's role@unit (not only reached through a department). */
  heldByMe: boolean;
}

export interface MyInboxRequest {
  /** Per plan, the departments the person reaches there (their own and those under them in that plan's tree). */
  reach: ReadonlyMap<string, ReadonlySet<string>>;
  now: Date;
  /** Only this plan's work. */
  planId?: string;
  /** Only assignments in these statuses. */
  statuses?: readonly AssignmentStatus[];
  /** Items per group (the counts are of all). */
  limitPerGroup: number;
  /** How far back accepted work still shows as done (default 30 days). */
  doneWithinDays?: number;
  /** The person asking: work whose role@unit the roster names them for is theirs too (ADR 0022). */
  personId?: string;
}

export interface MyInbox {
  items: MyInboxItem[];
  counts: Record<InboxGroup, number>;
}

const DAY_MS = 86_400_000;

/*
 * The review chain (reviewers, then the receiving office) and the department holding a
 * submission now, read from the decider state the projection keeps (reviewChainOf in SQL).
 */
const CHAIN = `(coalesce(a.state->'obligation'->'reviewers', '[]'::jsonb)
  || case when a.state->'obligation'->>'submitTo' is null then '[]'::jsonb else jsonb_build_array(a.state->'obligation'->>'submitTo') end)`;
const REVIEWER = `(${CHAIN} ->> coalesce((a.state->>'reviewStep')::int, 0))`;

/*
 * Two index-backed halves: work held by a department in reach (department_id, status), and
 * submissions whose current reviewer is in reach (the partial index on submitted rows). A row in
 * both (a bureau head reaching the school and its reviewer) counts once, as review work.
 * Groups, first match wins: review → standing (owed, no deadline) → overdue → due within 7 days → done → in progress.
 */
const MY_INBOX = `
with candidates as (
  select a.*, 0 as held from read_assignments a
   where a.department_id = any($1::text[]) and a.plan_id || ' ' || a.department_id = any($9::text[])
     and (a.status = any($2::text[]) or a.status = 'submitted' or (a.status = 'accepted' and a.accepted_at >= $4::timestamptz))
     and ($6::text is null or a.plan_id = $6)
  union all
  select a.*, 1 as held from read_assignments a
   where a.status = 'submitted' and a.plan_id || ' ' || ${REVIEWER} = any($9::text[]) and ($6::text is null or a.plan_id = $6)
  union all
  select a.*, 0 as held from read_roster_current r
    join read_assignments a on a.plan_id = r.plan_id and a.department_id = r.unit_id and a.state->'obligation'->>'role' = r.role_id
   where $10::text is not null and r.people @> jsonb_build_array(jsonb_build_object('personId', $10::text))
     and (a.status = any($2::text[]) or a.status = 'submitted' or (a.status = 'accepted' and a.accepted_at >= $4::timestamptz))
     and ($6::text is null or a.plan_id = $6)
),
distinct_rows as (
  select distinct on (a.plan_id, a.assignment_id) a.* from candidates a order by a.plan_id, a.assignment_id, a.held desc
),
grouped as (
  select a.*, case
      when a.status = 'submitted' and a.plan_id || ' ' || ${REVIEWER} = any($9::text[]) then 'awaitingMyReview'
      when a.status = any($2::text[]) and a.period_key = 'standing' then 'standing'
      when a.status = any($2::text[]) and (a.overdue_since is not null or a.due_at <= $3::timestamptz) then 'overdue'
      when a.status = any($2::text[]) and a.due_at <= $5::timestamptz then 'dueWithin7Days'
      when a.status = 'accepted' then 'done'
      else 'inProgress' end as grp
  from distinct_rows a
  where ($7::text[] is null or a.status = any($7::text[]))
),
ranked as (
  select a.*, count(*) over (partition by a.grp) as group_count,
         row_number() over (partition by a.grp order by
           case when a.grp = 'done' then -extract(epoch from a.accepted_at) else extract(epoch from a.due_at) end,
           a.assignment_id collate "C", a.plan_id collate "C") as rn
  from grouped a
)
select ${ASSIGNMENT_COLUMNS}, a.grp, a.group_count, ${REVIEWER} as reviewer, ${CHAIN}::text as chain,
       p.title as plan_title, p.time_zone as plan_time_zone, a.state->'obligation'->>'role' as role,
       exists (select 1 from read_roster_current r where r.plan_id = a.plan_id and r.unit_id = a.department_id
                 and r.role_id = a.state->'obligation'->>'role'
                 and r.people @> jsonb_build_array(jsonb_build_object('personId', $10::text))) as held_by_me
from ranked a join read_plans p on p.plan_id = a.plan_id
where a.rn <= $8
order by a.grp, a.rn`;

/**
 * A person's inbox across plans: the open work of every department in reach, submissions
 * waiting for a department in reach to review them, and work accepted lately. Read from the
 * read models with their indexes, never by replaying streams.
 */
export async function myInbox(db: SqlQueryable, request: MyInboxRequest): Promise<MyInbox> {
  const counts = Object.fromEntries(INBOX_GROUPS.map((group) => [group, 0])) as Record<InboxGroup, number>;
  // Pairs "planId departmentId" (plan ids hold no spaces): reach is judged in the assignment's own plan.
  const pairs = [...request.reach].flatMap(([planId, departments]) => [...departments].map((id) => `${planId} ${id}`));
  if (pairs.length === 0 && request.personId === undefined) return { items: [], counts };
  const departmentIds = [...new Set([...request.reach.values()].flatMap((departments) => [...departments]))];
  const now = request.now.getTime();
  type Row = AssignmentRow & {
    grp: InboxGroup; group_count: string | number; reviewer: string | null; chain: string; plan_title: string; plan_time_zone: string; role: string | null; held_by_me: boolean | null;
  };
  const rows = await db.query<Row>(MY_INBOX, [
    departmentIds,
    owingStatuses,
    new Date(now).toISOString(),
    new Date(now - (request.doneWithinDays ?? 30) * DAY_MS).toISOString(),
    new Date(now + 7 * DAY_MS).toISOString(),
    request.planId ?? null,
    request.statuses ? [...request.statuses] : null,
    request.limitPerGroup,
    pairs,
    request.personId ?? null,
  ]);
  const items = rows.map((row): MyInboxItem => {
    counts[row.grp] = Number(row.group_count);
    return {
      ...toAssignmentView(row),
      group: row.grp,
      planTitle: row.plan_title,
      planTimeZone: row.plan_time_zone,
      currentReviewer: row.status === 'submitted' ? row.reviewer : null,
      reviewChain: JSON.parse(row.chain) as string[],
      role: row.role,
      heldByMe: row.held_by_me === true,
    };
  });
  return { items, counts };
}

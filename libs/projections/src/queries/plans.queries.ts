import type { PlanSchedule } from '@planledger/domain';
import type { SqlQueryable } from '@planledger/event-store';
import { iso } from '../sql/iso';
import { ASSIGNMENT_COLUMNS, toAssignmentView, type AssignmentRow, type AssignmentView } from './assignment-view';
import { buildPlanOverview } from './plan-overview';
import { addToProgress, emptyProgress, type Progress } from './progress';

export interface PlanSummary {
  planId: string;
  title: string;
  documentNumber: string;
  issuingAuthority: string;
  timeZone: string;
  status: 'draft' | 'published' | 'closed';
  startsAt: string;
  endsAt: string;
  amendments: number;
  publishedAt: string | null;
  closedAt: string | null;
  updatedAt: string;
  progress: Progress;
}

export interface PhaseView {
  phaseId: string;
  name: string;
  kind: string;
  order: number;
  status: string;
  opensAt: string;
  closingStartsAt: string;
  closesAt: string;
  openedAt: string | null;
  closedAt: string | null;
  /** An undated phase: the phase whose closing opens it (ADR 0019); absent on dated phases. */
  opensAfter?: string;
  progress: Progress;
}

export interface DepartmentProgress {
  departmentId: string;
  name: string | null;
  progress: Progress;
}

export interface PlanOverview {
  plan: PlanSummary;
  phases: PhaseView[];
  /** Issued assignments, by due date then id. */
  assignments: AssignmentView[];
  byDepartment: DepartmentProgress[];
}

interface PlanRow {
  plan_id: string;
  title: string;
  document_number: string;
  issuing_authority: string;
  time_zone: string;
  status: PlanSummary['status'];
  starts_at: string;
  ends_at: string;
  amendments: number;
  published_at: string | null;
  closed_at: string | null;
  updated_at: string;
}

const PLAN_COLUMNS = `p.plan_id, p.title, p.document_number, p.issuing_authority, p.time_zone, p.status, ${iso('p.starts_at')},
  ${iso('p.ends_at')}, p.amendments, ${iso('p.published_at')}, ${iso('p.closed_at')}, ${iso('p.updated_at')}`;

const toSummary = (row: PlanRow): Omit<PlanSummary, 'progress'> => ({
  planId: row.plan_id,
  title: row.title,
  documentNumber: row.document_number,
  issuingAuthority: row.issuing_authority,
  timeZone: row.time_zone,
  status: row.status,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  amendments: Number(row.amendments),
  publishedAt: row.published_at,
  closedAt: row.closed_at,
  updatedAt: row.updated_at,
});

/*
 * Ids sort with collate "C" everywhere: byte order, the same on PGlite and on a PostgreSQL
 * database created with a locale that would otherwise skip '.' and '-'.
 */

/** Every plan with its progress, newest first by start then id. */
export async function listPlans(db: SqlQueryable): Promise<PlanSummary[]> {
  const plans = await db.query<PlanRow & { not_issued: number }>(
    `select ${PLAN_COLUMNS}, (select count(*)::int from jsonb_array_elements(p.schedule->'obligations') o
        where not exists (select 1 from read_assignments a where a.plan_id = p.plan_id and a.assignment_id = o->>'assignmentId')) as not_issued
     from read_plans p order by p.starts_at desc, p.plan_id collate "C"`,
  );
  const counts = await db.query<{ plan_id: string; status: string; n: number }>(
    'select plan_id, status, count(*)::int as n from read_assignments group by plan_id, status',
  );
  return plans.map((row) => {
    const progress = addToProgress(emptyProgress(), 'not_issued', Number(row.not_issued));
    for (const count of counts) if (count.plan_id === row.plan_id) addToProgress(progress, count.status, Number(count.n));
    return { ...toSummary(row), progress };
  });
}

/** One plan: its phases, its issued work and progress per phase and per department; undefined when unknown. */
export async function getPlanOverview(db: SqlQueryable, planId: string): Promise<PlanOverview | undefined> {
  const [plan] = await db.query<PlanRow & { schedule: string }>(`select ${PLAN_COLUMNS}, p.schedule::text as schedule from read_plans p where p.plan_id = $1`, [planId]);
  if (!plan) return undefined;
  const schedule = JSON.parse(plan.schedule) as PlanSchedule;
  const phaseRows = await db.query<PhaseRow>(`select ${PHASE_COLUMNS} from read_phases f where f.plan_id = $1 order by f.ord, f.phase_id collate "C"`, [planId]);
  const assignmentRows = await db.query<AssignmentRow>(
    `select ${ASSIGNMENT_COLUMNS} from read_assignments a where a.plan_id = $1 order by a.due_at, a.assignment_id collate "C"`,
    [planId],
  );
  return buildPlanOverview({ plan: toSummary(plan), schedule, phases: phaseRows.map(toPhaseView), assignments: assignmentRows.map(toAssignmentView) });
}

interface PhaseRow {
  phase_id: string;
  name: string;
  kind: string;
  ord: number;
  status: string;
  opens_at: string;
  closing_starts_at: string;
  closes_at: string;
  opened_at: string | null;
  closed_at: string | null;
}

const PHASE_COLUMNS = `f.phase_id, f.name, f.kind, f.ord, f.status, ${iso('f.opens_at')}, ${iso('f.closing_starts_at')}, ${iso('f.closes_at')},
  ${iso('f.opened_at')}, ${iso('f.closed_at')}`;

const toPhaseView = (row: PhaseRow): Omit<PhaseView, 'progress'> => ({
  phaseId: row.phase_id,
  name: row.name,
  kind: row.kind,
  order: Number(row.ord),
  status: row.status,
  opensAt: row.opens_at,
  closingStartsAt: row.closing_starts_at,
  closesAt: row.closes_at,
  openedAt: row.opened_at,
  closedAt: row.closed_at,
});

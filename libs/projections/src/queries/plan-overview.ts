import type { PlanSchedule } from '@planledger/domain';
import type { AssignmentView } from './assignment-view';
import { addToProgress, emptyProgress, type Progress } from './progress';
import type { DepartmentProgress, PhaseView, PlanOverview, PlanSummary } from './plans.queries';

/** What both the read models and the asOf replay know of a plan; the overview adds the counting. */
export interface PlanOverviewParts {
  plan: Omit<PlanSummary, 'progress'>;
  /** The plan's current schedule: its obligations count as not issued until an assignment exists. */
  schedule: Pick<PlanSchedule, 'obligations' | 'departments'> & Partial<Pick<PlanSchedule, 'phases'>>;
  phases: readonly Omit<PhaseView, 'progress'>[];
  /** The issued assignments. */
  assignments: readonly AssignmentView[];
}

/** Ids sort in byte order, like `collate "C"` in the read-model queries. */
export const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface PlanProgress {
  overall: Progress;
  byPhase: Map<string, Progress>;
  byDepartment: Map<string, Progress>;
}

/** Issued work by its status, the rest of the schedule as not issued; per plan, phase and department. */
export function countPlanProgress(schedule: PlanOverviewParts['schedule'], issued: readonly Pick<AssignmentView, 'assignmentId' | 'phaseId' | 'departmentId' | 'status'>[]): PlanProgress {
  const overall = emptyProgress();
  const byPhase = new Map<string, Progress>();
  const byDepartment = new Map<string, Progress>();
  const count = (phaseId: string | null | undefined, departmentId: string, status: string) => {
    addToProgress(overall, status);
    if (phaseId) addToProgress(entryOf(byPhase, phaseId), status);
    addToProgress(entryOf(byDepartment, departmentId), status);
  };
  for (const a of issued) count(a.phaseId, a.departmentId, a.status);
  const ids = new Set(issued.map((a) => a.assignmentId));
  for (const o of schedule.obligations) if (!ids.has(o.assignmentId)) count(o.phaseId, o.departmentId, 'not_issued');
  return { overall, byPhase, byDepartment };
}

/**
 * GET /plans/{id}'s shape, the one builder for the read-model query and the asOf replay: phases
 * by order then id, assignments by due time then id, progress counted by countPlanProgress,
 * departments by id with their names from the schedule. Pure.
 */
export function buildPlanOverview({ plan, schedule, phases, assignments }: PlanOverviewParts): PlanOverview {
  const { overall, byPhase, byDepartment } = countPlanProgress(schedule, assignments);
  const names = new Map(schedule.departments.map((d) => [d.id, d.name]));
  // An undated phase names the phase it opens after (ADR 0019): the page shows it as waiting for that one.
  const opensAfter = new Map((schedule.phases ?? []).flatMap((p) => (p.opensAfter === undefined ? [] : [[p.phaseId, p.opensAfter] as const])));
  return {
    plan: { ...plan, progress: overall },
    phases: [...phases]
      .sort((a, b) => a.order - b.order || byteOrder(a.phaseId, b.phaseId))
      .map((phase) => ({ ...phase, ...(opensAfter.has(phase.phaseId) ? { opensAfter: opensAfter.get(phase.phaseId) } : {}), progress: byPhase.get(phase.phaseId) ?? emptyProgress() })),
    assignments: [...assignments].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || byteOrder(a.assignmentId, b.assignmentId)),
    byDepartment: [...byDepartment.entries()]
      .sort(([a], [b]) => byteOrder(a, b))
      .map(([departmentId, progress]): DepartmentProgress => ({ departmentId, name: names.get(departmentId) ?? null, progress })),
  };
}

function entryOf(map: Map<string, Progress>, key: string): Progress {
  let entry = map.get(key);
  if (!entry) map.set(key, (entry = emptyProgress()));
  return entry;
}

import { classifyPlanStream, isWithinAsOf, type AsOf } from '@planledger/audit';
import { owingStatuses, type AssessmentRubric, type AssignmentStatus, type PlanAmended, type PlanSchedule, type RubricRuleName } from '@planledger/domain';
import type { StoredEvent } from '@planledger/event-store';
import type { AssignmentView } from '@planledger/projections';
import type { Assessment, AssessmentItem, AssessmentPeriod, ItemSource, UnitAssessment } from './assessment-model';
import { supervisionRecordOf, type FindingRecordedV1, type TargetStatusChangedV1 } from './supervision-records';

/*
 * The rubric applied to the record of one plan as of one moment. Pure: the replayed assignments,
 * the stored events and the judged instant in, the scores out. The rules, in the order they are
 * applied (ADR 0025):
 * - work counts in the period it belongs to (its phase; every phase for the plan), for the unit
 *   holding it then; waived and cancelled work counts for nothing;
 * - accepted and submitted by the deadline in force → acceptedOnTime; accepted later → acceptedLate;
 *   still owed and past its deadline at the judged moment → overdue; escalated at least once →
 *   escalated (once per assignment); each return → returned;
 * - a finding recorded in the period's window → finding, or repeatedFinding when it repeats an
 *   earlier one (the finding rule when the rubric has no repeatedFinding rule);
 * - a unit's target (per target, unit and target period) whose latest status by then is met →
 *   targetMet, missed → targetMissed, counted in the period whose window holds that status's `at`
 *   (when it was judged); plan-wide targets (unitId null) score for nobody and are listed apart;
 *   a target an amendment removed (or a unit it no longer applies to) counts no more from then on,
 *   as it is no longer shown (ADR 0023, amended);
 * - a rule's `limit` caps the absolute total of that rule for one unit; items are counted in the
 *   order listed (assignments by id, findings by time, targets by id) and the one that reaches the
 *   limit is cut down, later ones count 0;
 * - score = base + items, then held between floor and cap.
 * Ranking: higher score first; equal scores, smaller deductions first; equal on both, the same rank
 * (1, 1, 3), listed by unit id. Commended: rank ≤ top (when the rubric says top) and score ≥
 * minScore (when it says minScore).
 */

export interface AssessmentInput {
  planId: string;
  schedule: PlanSchedule & { assessment: AssessmentRubric };
  assignments: readonly AssignmentView[];
  events: readonly StoredEvent[];
  asOf: AsOf;
  judgedMs: number;
  period: AssessmentPeriod;
}

export class UnknownAssessmentPeriodError extends Error {
  constructor(readonly phaseId: string, readonly known: string[]) {
    super(`the plan has no phase "${phaseId}" to assess (phases: ${known.join(', ') || 'none'}; or "plan" for the whole plan)`);
  }
}

const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The period an assessment is for when the caller names none: the phase holding the judged moment, else the last opened, else the first. */
export function defaultAssessmentPeriod(schedule: PlanSchedule & { assessment: AssessmentRubric }, judgedMs: number): AssessmentPeriod {
  if (schedule.assessment.periods === 'plan' || schedule.phases.length === 0) return { kind: 'plan' };
  const phases = [...schedule.phases].sort((a, b) => a.order - b.order);
  const holding = phases.find((p) => Date.parse(p.opensAt) <= judgedMs && judgedMs < Date.parse(p.closesAt));
  const lastOpened = phases.filter((p) => Date.parse(p.opensAt) <= judgedMs).at(-1);
  return { kind: 'phase', phaseId: (holding ?? lastOpened ?? phases[0]).phaseId };
}

interface Record {
  returns: Map<string, number>;
  escalated: Set<string>;
  findings: FindingRecordedV1[];
  /** Latest status per target, unit and period. */
  targets: Map<string, TargetStatusChangedV1>;
}

function recordOf(planId: string, events: readonly StoredEvent[], asOf: AsOf): Record {
  const within = isWithinAsOf(asOf);
  const record: Record = { returns: new Map(), escalated: new Set(), findings: [], targets: new Map() };
  const ordered = events.filter(within).sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
  for (const event of ordered) {
    const kind = classifyPlanStream(planId, event.stream);
    if (kind?.kind === 'assignment') {
      if (event.type === 'AssignmentReturned') record.returns.set(kind.assignmentId, (record.returns.get(kind.assignmentId) ?? 0) + 1);
      if (event.type === 'AssignmentEscalated') record.escalated.add(kind.assignmentId);
      continue;
    }
    if (kind?.kind !== 'plan') continue;
    if (event.type === 'PlanAmended') {
      const dropped = droppedSeries(event.data as PlanAmended['data']);
      for (const [key, t] of record.targets) if (dropped(t.targetId, t.unitId)) record.targets.delete(key);
      continue;
    }
    const supervision = supervisionRecordOf(event);
    if (supervision?.kind === 'finding' && supervision.data.planId === planId) record.findings.push(supervision.data);
    if (supervision?.kind === 'target' && supervision.data.planId === planId) {
      const t = supervision.data;
      record.targets.set(JSON.stringify([t.targetId, t.unitId, t.period]), t);
    }
  }
  return record;
}

/** Which series an amendment stops judging: its removed targets', and units a changed target no longer applies to. */
function droppedSeries({ changes, schedule }: PlanAmended['data']): (targetId: string, unitId: string | null) => boolean {
  const removed = new Set(changes?.targets?.removedTargetIds ?? []);
  const narrowed = new Map((changes?.targets?.changed ?? []).filter((c) => c.terms.includes('appliesTo'))
    .map((c) => [c.targetId, schedule.targets?.find((t) => t.targetId === c.targetId)?.unitIds ?? []]));
  return (targetId, unitId) => {
    if (removed.has(targetId)) return true;
    const units = narrowed.get(targetId);
    return units !== undefined && (units.length === 0 ? unitId !== null : unitId === null || !units.includes(unitId));
  };
}

export function scoreAssessment(input: AssessmentInput): Assessment {
  const { planId, schedule, judgedMs, period } = input;
  const rubric = schedule.assessment;
  const names = new Map(schedule.departments.map((d) => [d.id, d.name]));
  const record = recordOf(planId, input.events, input.asOf);

  let inWindow: (instant: string) => boolean = () => true;
  let work = input.assignments;
  let periodName: string | null = null;
  if (period.kind === 'phase') {
    const phase = schedule.phases.find((p) => p.phaseId === period.phaseId);
    if (!phase) throw new UnknownAssessmentPeriodError(period.phaseId, schedule.phases.map((p) => p.phaseId));
    periodName = phase.name;
    work = work.filter((a) => a.phaseId === phase.phaseId);
    const opens = Date.parse(phase.opensAt);
    const closes = Date.parse(phase.closesAt);
    inWindow = (instant) => Date.parse(instant) >= opens && Date.parse(instant) < closes;
  }

  const items = new Map<string, AssessmentItem[]>();
  const add = (unitId: string, rule: RubricRuleName, source: ItemSource, count = 1) => {
    const written = rubric.rules[rule] ?? (rule === 'repeatedFinding' ? rubric.rules.finding : undefined);
    if (!written || count === 0) return;
    items.set(unitId, [...(items.get(unitId) ?? []), { rule, count, points: written.points * count, source }]);
  };

  const owing = (a: AssignmentView) => owingStatuses.includes(a.status as AssignmentStatus);
  for (const a of [...work].sort((x, y) => byteOrder(x.assignmentId, y.assignmentId))) {
    if (a.status === 'waived' || a.status === 'cancelled') continue;
    const source: ItemSource = { kind: 'assignment', assignmentId: a.assignmentId, title: a.title };
    if (a.status === 'accepted') {
      const onTime = a.submittedAt !== null && Date.parse(a.submittedAt) <= Date.parse(a.dueAt);
      add(a.departmentId, onTime ? 'acceptedOnTime' : 'acceptedLate', source);
    }
    if (owing(a) && (a.overdueSince !== null || Date.parse(a.dueAt) <= judgedMs)) add(a.departmentId, 'overdue', source);
    if (record.escalated.has(a.assignmentId)) add(a.departmentId, 'escalated', source);
    add(a.departmentId, 'returned', source, record.returns.get(a.assignmentId) ?? 0);
  }
  const findings = record.findings.filter((f) => inWindow(f.at)).sort((x, y) => Date.parse(x.at) - Date.parse(y.at) || byteOrder(x.findingId, y.findingId));
  for (const f of findings) {
    add(f.unitId, f.repeatOf ? 'repeatedFinding' : 'finding', {
      kind: 'finding', findingId: f.findingId, inspectionId: f.inspectionId, text: f.text, ...(f.repeatOf ? { repeatOf: f.repeatOf } : {}),
    });
  }
  const planWideTargets: Assessment['planWideTargets'] = [];
  const targets = [...record.targets.values()]
    .filter((t) => (t.status === 'met' || t.status === 'missed') && inWindow(t.at))
    .sort((x, y) => byteOrder(x.targetId, y.targetId) || byteOrder(x.period, y.period) || byteOrder(x.unitId ?? '', y.unitId ?? ''));
  for (const t of targets) {
    const status = t.status as 'met' | 'missed';
    if (t.unitId === null) planWideTargets.push({ targetId: t.targetId, period: t.period, status });
    else add(t.unitId, status === 'met' ? 'targetMet' : 'targetMissed', { kind: 'target', targetId: t.targetId, period: t.period, status });
  }

  const unitIds = rubric.units ?? [...new Set([...work.filter((a) => a.status !== 'waived' && a.status !== 'cancelled').map((a) => a.departmentId), ...items.keys()])].sort(byteOrder);
  const scored = unitIds.map((unitId) => scoreUnit(unitId, names.get(unitId) ?? unitId, rubric, items.get(unitId) ?? []));
  const units = rank(scored, rubric);
  return {
    planId, period: { ...period, name: periodName }, judgedAt: new Date(judgedMs).toISOString(),
    base: rubric.base, floor: rubric.floor ?? null, cap: rubric.cap ?? null, commend: rubric.commend ?? null,
    units, planWideTargets,
  };
}

function scoreUnit(unitId: string, name: string, rubric: AssessmentRubric, written: AssessmentItem[]): Omit<UnitAssessment, 'rank' | 'decidedBy' | 'commended'> {
  const used = new Map<RubricRuleName, number>();
  const items = written.map((item) => {
    const limit = (rubric.rules[item.rule] ?? (item.rule === 'repeatedFinding' ? rubric.rules.finding : undefined))?.limit;
    if (limit === undefined) return item;
    const before = used.get(item.rule) ?? 0;
    const allowed = Math.max(0, Math.min(Math.abs(item.points), limit - before));
    used.set(item.rule, before + allowed);
    return allowed === Math.abs(item.points) ? item : { ...item, points: allowed === 0 ? 0 : Math.sign(item.points) * allowed, limitedFrom: item.points };
  });
  const earned = items.filter((i) => i.points > 0).reduce((s, i) => s + i.points, 0);
  const deducted = items.filter((i) => i.points < 0).reduce((s, i) => s + i.points, 0);
  const raw = rubric.base + earned + deducted;
  let score = raw;
  let boundedBy: UnitAssessment['boundedBy'] = null;
  if (rubric.floor !== undefined && score < rubric.floor) [score, boundedBy] = [rubric.floor, 'floor'];
  if (rubric.cap !== undefined && score > rubric.cap) [score, boundedBy] = [rubric.cap, 'cap'];
  return { unitId, name, base: rubric.base, earned, deducted, raw, score, boundedBy, items };
}

function rank(units: Omit<UnitAssessment, 'rank' | 'decidedBy' | 'commended'>[], rubric: AssessmentRubric): UnitAssessment[] {
  type U = (typeof units)[number];
  const rules: [UnitAssessment['decidedBy'], (a: U, b: U) => number][] = [
    ['score', (a, b) => b.score - a.score],
    ['deducted', (a, b) => b.deducted - a.deducted],
  ];
  const compare = (a: U, b: U) => rules.reduce((c, [, rule]) => c || rule(a, b), 0);
  const sorted = [...units].sort((a, b) => compare(a, b) || byteOrder(a.unitId, b.unitId));
  const ranked: UnitAssessment[] = [];
  sorted.forEach((unit, index) => {
    const above = sorted[index - 1];
    const decidedBy: UnitAssessment['decidedBy'] = above ? (rules.find(([, rule]) => rule(above, unit) !== 0)?.[0] ?? 'tied') : 'first';
    const rankOf = decidedBy === 'tied' ? ranked[index - 1].rank : index + 1;
    const commend = rubric.commend;
    const commended = commend !== undefined && (commend.top === undefined || rankOf <= commend.top) && (commend.minScore === undefined || unit.score >= commend.minScore);
    ranked.push({ ...unit, rank: rankOf, decidedBy, commended });
  });
  return ranked;
}

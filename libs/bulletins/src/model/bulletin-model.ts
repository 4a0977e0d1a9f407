import { classifyPlanStream, isWithinAsOf, replayPlanAsOf, type AsOf } from '@planledger/audit';
import { localDateOf, type LocalDate } from '@planledger/calendar';
import { owingStatuses, type AssignmentStatus, type PlanSchedule, type TargetSeriesView } from '@planledger/domain';
import type { StoredEvent } from '@planledger/event-store';
import type { AssignmentView } from '@planledger/projections';
import type { Assessment } from '../assessment/assessment-model';
import { defaultAssessmentPeriod, scoreAssessment } from '../assessment/score-assessment';
import { weekdayOf, windowName } from './chinese-dates';
import { findingsAsOf, type FindingsAsOf } from './findings';

/*
 * A bulletin (通报) of one plan as of one moment: what the record held by then, counted by the
 * rules of docs/decisions/0017-bulletins.md. Pure: the same events, instant and options always
 * give the same bulletin. The bulletin is a list of sections; today's sections come from the
 * record of assignments. Targets, inspections and the assessment rubric (issue 15, items 1–3)
 * will add sections of their own kinds; nothing here stands in for them.
 */

/**
 * Which work the bulletin reports on: the whole plan, one phase (a theme year), or the work due in
 * a window of dates where the plan lives (a week's or a month's bulletin), both ends included.
 */
export type BulletinPeriod =
  | { kind: 'plan' }
  | { kind: 'phase'; phaseId: string }
  | { kind: 'window'; from: LocalDate; to: LocalDate };

export interface BulletinOptions {
  period?: BulletinPeriod;
}

/** Counts of one group of work (the plan, a phase, a department). See ADR 0017 for each rule. */
export interface WorkFigures {
  /** Issued by the as-of moment, waived and cancelled work left out. */
  issued: number;
  /** Submitted and waiting for a reviewer. */
  inReview: number;
  /** Returned for rework at least once. */
  returned: number;
  accepted: number;
  /** Accepted, and the accepted submission was made by the deadline in force. */
  acceptedOnTime: number;
  /** Work judged so far: accepted, or due by the as-of moment. */
  assessed: number;
  /** acceptedOnTime / assessed, rounded to 4 places; null when nothing is assessed yet. */
  onTimeRate: number | null;
  /** Still owed and past its deadline at the as-of moment. */
  overdueNow: number;
  /** Still owed and escalated (督办) at least once. */
  escalatedNow: number;
  /** Escalated at least once, whatever became of it. */
  everEscalated: number;
  /** Waived or cancelled: shown, counted nowhere else. */
  waivedOrCancelled: number;
}

export interface DepartmentFigures extends WorkFigures {
  departmentId: string;
  name: string;
}

export interface PhaseFigures extends WorkFigures {
  phaseId: string;
  name: string;
  status: string;
}

export interface LateItem {
  assignmentId: string;
  title: string;
  departmentId: string;
  departmentName: string;
  phaseId: string | null;
  dueAt: string;
  /** The deadline's date where the plan lives, and its weekday (星期一…星期日). */
  dueDate: LocalDate;
  dueWeekday: string;
  /** Calendar days in the plan's zone from the deadline's date to the as-of date. */
  daysOverdue: number;
  escalationLevel: number;
  /** The unit the last escalation went to (id and name), null when not escalated. */
  escalatedTo: { id: string; name: string } | null;
  status: AssignmentStatus;
}

export interface RankingEntry {
  rank: number;
  departmentId: string;
  name: string;
  onTimeRate: number | null;
  assessed: number;
  overdueNow: number;
  everEscalated: number;
  /** Why this department stands below the one above: the first rule that told them apart, or `tied` (same rank). */
  decidedBy: 'first' | 'onTimeRate' | 'overdueNow' | 'everEscalated' | 'assessed' | 'tied' | 'nothingAssessed';
}

export interface Commendation {
  departmentId: string;
  name: string;
  accepted: number;
}

/** A target for one unit (or plan-wide) as recorded by the bulletin's instant (ADR 0023), with the unit's name. */
export interface TargetRow extends TargetSeriesView {
  unitName: string | null;
}

/** The sections a bulletin is built from; later kinds (targets, findings, assessment) join the union. */
export type BulletinSection =
  | { kind: 'overview'; figures: WorkFigures }
  | { kind: 'byDepartment'; rows: DepartmentFigures[] }
  | { kind: 'byPhase'; rows: PhaseFigures[] }
  | { kind: 'overdue'; items: LateItem[] }
  | { kind: 'escalated'; items: LateItem[] }
  | { kind: 'ranking'; entries: RankingEntry[] }
  | { kind: 'commendations'; departments: Commendation[] }
  /** Present only for plans with targets (ADR 0023). */
  | { kind: 'targets'; rows: TargetRow[] }
  /** Inspection findings (督查问题) and their rectification (ADR 0024); present when any finding was recorded by then. */
  | ({ kind: 'findings' } & FindingsAsOf)
  /** 考核: the plan's rubric applied to the record (ADR 0025); present only when the plan declares one. */
  | { kind: 'assessment'; assessment: Assessment };

export type SectionKind = BulletinSection['kind'];
export type SectionOf<K extends SectionKind> = Extract<BulletinSection, { kind: K }>;

export interface BulletinModel {
  plan: { planId: string; title: string; documentNumber: string; issuingAuthority: { id: string; name: string }; timeZone: string };
  period: BulletinPeriod & { name: string | null };
  asOf: AsOf & {
    /** Business time the figures are judged at (deadlines passed, days overdue): ADR 0017. */
    judgedAt: string;
    /** judgedAt's date where the plan lives. */
    date: LocalDate;
    eventsReplayed: number;
  };
  sections: BulletinSection[];
}

export class PlanNotRecordedError extends Error {
  constructor(readonly planId: string, readonly asOf: AsOf) {
    super(`plan ${planId} had no events ${asOf.basis === 'business' ? 'by business time' : 'recorded'} by ${asOf.instant}`);
  }
}

export class UnknownPhaseError extends Error {
  constructor(readonly phaseId: string, readonly known: string[]) {
    super(`the plan has no phase "${phaseId}" (phases: ${known.join(', ') || 'none'})`);
  }
}

/** A section of a model by kind (undefined when the model has none). */
export const sectionOf = <K extends SectionKind>(model: BulletinModel, kind: K): SectionOf<K> | undefined =>
  model.sections.find((section): section is SectionOf<K> => section.kind === kind);

const DAY_MS = 86_400_000;
const dayNumber = (date: LocalDate): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

interface Facts {
  returned: Set<string>;
  everEscalated: Set<string>;
  /** The `to` of each assignment's last escalation. */
  escalatedTo: Map<string, string>;
  lastBusinessMs: number;
  schedule: PlanSchedule | undefined;
}

/** What the overview does not keep: returns, escalation receivers, the schedule in force; only events within the as-of. */
function factsOf(planId: string, events: readonly StoredEvent[], asOf: AsOf): Facts {
  const within = isWithinAsOf(asOf);
  const facts: Facts = { returned: new Set(), everEscalated: new Set(), escalatedTo: new Map(), lastBusinessMs: Number.NEGATIVE_INFINITY, schedule: undefined };
  const ordered = [...events].filter(within).sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
  for (const event of ordered) {
    const kind = classifyPlanStream(planId, event.stream);
    if (!kind) continue;
    if (event.metadata.businessTime) facts.lastBusinessMs = Math.max(facts.lastBusinessMs, Date.parse(event.metadata.businessTime));
    const data = event.data as { assignmentId?: string; to?: string; schedule?: PlanSchedule };
    if (kind.kind === 'plan' && data.schedule) facts.schedule = data.schedule;
    if (kind.kind !== 'assignment') continue;
    const id = kind.assignmentId;
    if (event.type === 'AssignmentReturned') facts.returned.add(id);
    if (event.type === 'AssignmentEscalated') {
      facts.everEscalated.add(id);
      if (data.to) facts.escalatedTo.set(id, data.to);
    }
  }
  return facts;
}

/**
 * The bulletin of `planId` as of `asOf`, from the plan's stored events (any order; later ones are
 * left out). Throws PlanNotRecordedError when the plan had no event by then, UnknownPhaseError for
 * a period naming no phase of the plan as it stood.
 */
export function buildBulletinModel(planId: string, events: readonly StoredEvent[], asOf: AsOf, options: BulletinOptions = {}): BulletinModel {
  const replayed = replayPlanAsOf(planId, events, asOf);
  if (!replayed) throw new PlanNotRecordedError(planId, asOf);
  const facts = factsOf(planId, events, asOf);
  const schedule = facts.schedule;
  const zone = replayed.plan.timeZone;
  const names = new Map((schedule?.departments ?? []).map((d) => [d.id, d.name]));
  const nameOf = (id: string): string => names.get(id) ?? id;

  // Recorded time: the business clock may run ahead of the store's (virtual clock); judge at the later of the two.
  const instantMs = Date.parse(asOf.instant);
  const judgedMs = asOf.basis === 'business' ? instantMs : Math.max(instantMs, facts.lastBusinessMs);
  const judgedAt = new Date(judgedMs).toISOString();
  const date = localDateOf(judgedAt, zone);

  const period = options.period ?? { kind: 'plan' };
  let periodName: string | null = null;
  let work: readonly AssignmentView[] = replayed.assignments;
  if (period.kind === 'phase') {
    const phase = replayed.phases.find((p) => p.phaseId === period.phaseId) ?? schedule?.phases.find((p) => p.phaseId === period.phaseId);
    if (!phase) throw new UnknownPhaseError(period.phaseId, (schedule?.phases ?? replayed.phases).map((p) => p.phaseId));
    periodName = phase.name;
    work = work.filter((a) => a.phaseId === period.phaseId);
  } else if (period.kind === 'window') {
    periodName = windowName(period.from, period.to);
    work = work.filter((a) => {
      const due = localDateOf(a.dueAt, zone);
      return due >= period.from && due <= period.to;
    });
  }

  const owing = (a: AssignmentView) => owingStatuses.includes(a.status as AssignmentStatus);
  const gone = (a: AssignmentView) => a.status === 'waived' || a.status === 'cancelled';
  const overdueNow = (a: AssignmentView) => owing(a) && (a.overdueSince !== null || Date.parse(a.dueAt) <= judgedMs);
  const onTime = (a: AssignmentView) => a.status === 'accepted' && a.submittedAt !== null && Date.parse(a.submittedAt) <= Date.parse(a.dueAt);

  const figuresOf = (group: readonly AssignmentView[]): WorkFigures => {
    const live = group.filter((a) => !gone(a));
    const accepted = live.filter((a) => a.status === 'accepted');
    const acceptedOnTime = accepted.filter(onTime).length;
    const assessed = live.filter((a) => a.status === 'accepted' || Date.parse(a.dueAt) <= judgedMs).length;
    return {
      issued: live.length,
      inReview: live.filter((a) => a.status === 'submitted').length,
      returned: live.filter((a) => facts.returned.has(a.assignmentId)).length,
      accepted: accepted.length,
      acceptedOnTime,
      assessed,
      onTimeRate: assessed === 0 ? null : round4(acceptedOnTime / assessed),
      overdueNow: live.filter(overdueNow).length,
      escalatedNow: live.filter((a) => owing(a) && a.escalationLevel > 0).length,
      everEscalated: live.filter((a) => facts.everEscalated.has(a.assignmentId)).length,
      waivedOrCancelled: group.length - live.length,
    };
  };

  const groupBy = (key: (a: AssignmentView) => string | null) => {
    const groups = new Map<string, AssignmentView[]>();
    for (const a of work) {
      const k = key(a);
      if (k === null) continue;
      groups.set(k, [...(groups.get(k) ?? []), a]);
    }
    return groups;
  };

  const byDepartment: DepartmentFigures[] = [...groupBy((a) => a.departmentId)]
    .sort(([a], [b]) => byteOrder(a, b))
    .map(([departmentId, group]) => ({ departmentId, name: nameOf(departmentId), ...figuresOf(group) }));

  const phaseGroups = groupBy((a) => a.phaseId);
  const byPhase: PhaseFigures[] = replayed.phases
    .filter((p) => (period.kind === 'phase' ? p.phaseId === period.phaseId : period.kind === 'plan' || phaseGroups.has(p.phaseId)))
    .map((p) => ({ phaseId: p.phaseId, name: p.name, status: p.status, ...figuresOf(phaseGroups.get(p.phaseId) ?? []) }));

  const lateItem = (a: AssignmentView): LateItem => {
    const dueDate = localDateOf(a.dueAt, zone);
    const to = a.escalationLevel > 0 ? facts.escalatedTo.get(a.assignmentId) : undefined;
    return {
      assignmentId: a.assignmentId, title: a.title, departmentId: a.departmentId, departmentName: nameOf(a.departmentId), phaseId: a.phaseId,
      dueAt: a.dueAt, dueDate, dueWeekday: weekdayOf(dueDate), daysOverdue: Math.max(0, dayNumber(date) - dayNumber(dueDate)),
      escalationLevel: a.escalationLevel, escalatedTo: to ? { id: to, name: nameOf(to) } : null, status: a.status as AssignmentStatus,
    };
  };
  const longestFirst = (x: LateItem, y: LateItem) => y.daysOverdue - x.daysOverdue || byteOrder(x.departmentId, y.departmentId) || byteOrder(x.assignmentId, y.assignmentId);
  const overdue = work.filter(overdueNow).map(lateItem).sort(longestFirst);
  const escalated = work.filter((a) => owing(a) && a.escalationLevel > 0).map(lateItem)
    .sort((x, y) => y.escalationLevel - x.escalationLevel || longestFirst(x, y));

  // The rubric's ranking for the bulletin's phase (else the phase the judged moment falls in, or the plan, as the rubric says).
  const assessmentSection: BulletinSection[] = [];
  if (schedule?.assessment) {
    const rubricSchedule = { ...schedule, assessment: schedule.assessment };
    const assessed = rubricSchedule.assessment.periods === 'phase' && period.kind === 'phase' ? period : defaultAssessmentPeriod(rubricSchedule, judgedMs);
    assessmentSection.push({ kind: 'assessment', assessment: scoreAssessment({ planId, schedule: rubricSchedule, assignments: replayed.assignments, events, asOf, judgedMs, period: assessed }) });
  }

  return {
    plan: {
      planId, title: replayed.plan.title, documentNumber: replayed.plan.documentNumber,
      issuingAuthority: { id: replayed.plan.issuingAuthority, name: nameOf(replayed.plan.issuingAuthority) }, timeZone: zone,
    },
    period: { ...period, name: periodName },
    asOf: { ...asOf, judgedAt, date, eventsReplayed: replayed.asOf.eventsReplayed },
    sections: [
      { kind: 'overview', figures: figuresOf(work) },
      { kind: 'byDepartment', rows: byDepartment },
      { kind: 'byPhase', rows: byPhase },
      { kind: 'overdue', items: overdue },
      { kind: 'escalated', items: escalated },
      { kind: 'ranking', entries: rankDepartments(byDepartment) },
      { kind: 'commendations', departments: commendationsOf(byDepartment) },
      // Targets as recorded by the instant (the replay folds only what was known then); left out for plans without targets.
      ...(replayed.targets ? [{ kind: 'targets' as const, rows: replayed.targets.map((t) => ({ ...t, unitName: t.unitId === null ? null : nameOf(t.unitId) })) }] : []),
      ...findingsSection(planId, events, asOf, { assignments: replayed.assignments, nameOf, timeZone: zone, judgedMs }),
      ...assessmentSection,
    ],
  };
}

/** The findings section, left out when no inspection finding was recorded by then (bulletins of plans without inspections stay as they were). */
function findingsSection(...args: Parameters<typeof findingsAsOf>): BulletinSection[] {
  const findings = findingsAsOf(...args);
  return findings.findings.length === 0 ? [] : [{ kind: 'findings', ...findings }];
}

/**
 * Departments by on-time rate, highest first. Ties are broken, in order, by fewer overdue now,
 * fewer ever escalated, more work assessed; departments equal on all four share a rank (1, 1, 3),
 * listed by id. Departments with nothing assessed yet have no rate and come last, unranked among
 * themselves (they share the rank after the last ranked one).
 */
export function rankDepartments(rows: readonly DepartmentFigures[]): RankingEntry[] {
  const rules: [RankingEntry['decidedBy'], (a: DepartmentFigures, b: DepartmentFigures) => number][] = [
    ['onTimeRate', (a, b) => (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1)],
    ['overdueNow', (a, b) => a.overdueNow - b.overdueNow],
    ['everEscalated', (a, b) => a.everEscalated - b.everEscalated],
    ['assessed', (a, b) => b.assessed - a.assessed],
  ];
  const compare = (a: DepartmentFigures, b: DepartmentFigures) => {
    for (const [, rule] of rules) {
      const c = rule(a, b);
      if (c !== 0) return c;
    }
    return 0;
  };
  const sorted = [...rows].sort((a, b) => (a.onTimeRate === null ? 1 : 0) - (b.onTimeRate === null ? 1 : 0) || compare(a, b) || byteOrder(a.departmentId, b.departmentId));
  const entries: RankingEntry[] = [];
  sorted.forEach((row, index) => {
    const above = sorted[index - 1];
    let decidedBy: RankingEntry['decidedBy'] = 'first';
    if (above) {
      if (row.onTimeRate === null) decidedBy = above.onTimeRate === null ? 'tied' : 'nothingAssessed';
      else decidedBy = rules.find(([, rule]) => rule(above, row) !== 0)?.[0] ?? 'tied';
    }
    const rank = decidedBy === 'tied' ? entries[index - 1].rank : index + 1;
    entries.push({ rank, departmentId: row.departmentId, name: row.name, onTimeRate: row.onTimeRate, assessed: row.assessed, overdueNow: row.overdueNow, everEscalated: row.everEscalated, decidedBy });
  });
  return entries;
}

/**
 * Candidates for commendation (表彰建议): at least one piece of work accepted, every accepted piece
 * on time, every assessed piece accepted on time (rate 100 %), nothing overdue now, nothing ever
 * escalated. A proposal for the office to decide on, not a decision.
 */
export function commendationsOf(rows: readonly DepartmentFigures[]): Commendation[] {
  return rows
    .filter((r) => r.accepted > 0 && r.acceptedOnTime === r.accepted && r.acceptedOnTime === r.assessed && r.overdueNow === 0 && r.everEscalated === 0)
    .map((r) => ({ departmentId: r.departmentId, name: r.name, accepted: r.accepted }));
}

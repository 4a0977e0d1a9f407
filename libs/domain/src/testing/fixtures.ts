/** Test data for the domain's specs: one plan, two phases, one measure for a school. Not exported from index.ts. */
import type { Actor } from '../shared/actor';
import { systemActor } from '../shared/actor';
import type { CommandMetadata } from '../shared/decider';
import { addDays, type Instant } from '../shared/time';
import type { Obligation, PlanSchedule, ScheduledPhase } from '../schedule/plan-schedule';
import type { AssignmentEvent } from '../assignment/assignment.events';
import type { PhaseEvent } from '../phase/phase.events';
import type { PlanEvent } from '../plan/plan.events';
import { currentSchemaVersions, type PlanledgerEventType } from '../events/planledger-event';

export const PLAN_ID = 'lianyun-2021';
export const ISSUE_AT: Instant = '2022-02-01T00:00:00.000Z';
export const DUE_AT: Instant = '2022-03-05T00:00:00.000Z';
export const day = (n: number, from: Instant = DUE_AT): Instant => addDays(from, n);
export const ms = (at: Instant, delta: number): Instant => new Date(Date.parse(at) + delta).toISOString();

export const head: Actor = { userId: 'u-head-a', role: 'department_head', departmentId: 'school-a' };
export const reviewer: Actor = { userId: 'u-liaison', role: 'department_head', departmentId: 'liaison' };
export const planner: Actor = { userId: 'u-planner', role: 'planner', departmentId: 'office' };
export const timer: Actor = systemActor;

export const meta = (at: Instant, actor: Actor = head): CommandMetadata => ({ at, actor });

export const obligation = (over: Partial<Obligation> = {}): Obligation => ({
  assignmentId: 'm1.school-a.once',
  measureId: 'm1',
  title: '制定实施方案',
  phaseId: 'mobilise',
  departmentId: 'school-a',
  responsibility: 'lead',
  periodKey: 'once',
  requiredCount: 1,
  issueAt: ISSUE_AT,
  dueAt: DUE_AT,
  reviewers: ['liaison'],
  submitTo: 'office',
  remindDaysBefore: [7, 1],
  escalation: [
    { afterDays: 3, to: 'office' },
    { afterDays: 10, to: 'leading-group' },
  ],
  ...over,
});

export const scheduledPhase = (over: Partial<ScheduledPhase> = {}): ScheduledPhase => ({
  phaseId: 'mobilise',
  name: '动员阶段',
  kind: 'stage',
  order: 1,
  opensAt: '2022-02-01T00:00:00.000Z',
  closesAt: '2022-04-01T00:00:00.000Z',
  focus: ['常规管理规范工程'],
  ...over,
});

export const schedule = (over: Partial<PlanSchedule> = {}): PlanSchedule => ({
  planId: PLAN_ID,
  title: '連云區教育教學質量提升三年行動計劃(2021—2024年)',
  documentNumber: '連區教〔2021〕124號',
  issuingAuthority: 'bureau',
  timeZone: 'Asia/Shanghai',
  startsAt: '2021-08-31T16:00:00.000Z',
  endsAt: '2024-08-31T15:59:59.999Z',
  escalationDefault: 'leading-group',
  departments: [
    { id: 'bureau', name: '連云區教育局', kind: 'bureau' },
    { id: 'school-a', name: '甲小学', kind: 'school', parent: 'bureau' },
  ],
  phases: [scheduledPhase(), scheduledPhase({ phaseId: 'implement', name: '实施阶段', order: 2, opensAt: '2022-04-01T00:00:00.000Z', closesAt: '2022-07-01T00:00:00.000Z' })],
  obligations: [obligation()],
  ...over,
});

type DataOf<E extends { type: string; data: unknown }, T extends E['type']> = Extract<E, { type: T }>['data'];

const eventOf =
  <E extends { type: PlanledgerEventType; data: unknown }>() =>
  <T extends E['type']>(type: T, data: DataOf<E, T>, at: Instant, actor: Actor = head): E =>
    ({ type, schemaVersion: currentSchemaVersions[type], at, actor, data }) as unknown as E;

/** An assignment event of PLAN_ID unless the data names another plan. */
export const assignmentEvent = <T extends AssignmentEvent['type']>(
  type: T,
  data: Omit<DataOf<AssignmentEvent, T>, 'planId'> & { planId?: string },
  at: Instant,
  actor: Actor = head,
): AssignmentEvent => eventOf<AssignmentEvent>()(type, { planId: PLAN_ID, ...data } as unknown as DataOf<AssignmentEvent, T>, at, actor);
export const phaseEvent = eventOf<PhaseEvent>();
export const planEvent = eventOf<PlanEvent>();

import type { Instant } from '../shared/time';
import type { AssessmentRubric, BulletinTimetable } from './assessment-rubric';

/**
 * A plan compiled to concrete instants: what the engine runs. Produced from a validated
 * definition by the scheduling step (calendar-aware), carried in PlanPublished / PlanAmended,
 * so that replaying a plan never depends on re-reading its file or on a holiday table.
 */
export interface PlanSchedule {
  planId: string;
  title: string;
  documentNumber: string;
  issuingAuthority: string;
  timeZone: string;
  /** Plan span: first instant of the first school year … last instant of the last. */
  startsAt: Instant;
  endsAt: Instant;
  /** The unit escalations go to when a measure's policy does not name one (leading group). */
  escalationDefault?: string;
  /** The holiday table the due dates were shifted with, so a moved date can be explained later. */
  holidayCalendar?: { name: string; coveredYears: number[] };
  departments: ScheduledDepartment[];
  phases: ScheduledPhase[];
  obligations: Obligation[];
  /** Outside events the plan expects, whose dates a planner records later (absent: none). */
  outsideEvents?: ScheduledOutsideEvent[];
  /** Work that hangs on an outside event: issued only when the event is recorded (absent: none). */
  eventObligations?: EventObligation[];
  /** 考核: the plan's scoring rubric (absent: the plan declares none). */
  assessment?: AssessmentRubric;
  /** 通报: when bulletins are issued by themselves (absent: only on demand). */
  bulletins?: BulletinTimetable;
}

/** 迎检, a higher authority's notice, an exam: named by the plan, dated when it happens. */
export interface ScheduledOutsideEvent {
  eventId: string;
  name: string;
  /** Local dates (YYYY-MM-DD) the plan expects it between, shown while it is waiting. */
  expected?: { from: string; to: string };
  recurring: boolean;
  /** An unannounced inspection: recorded against units, owes nobody anything. */
  inspection: boolean;
}

/**
 * One department's obligation that hangs on an outside event: an Obligation without its instants.
 * When occurrence n of the event is recorded, the assignment `${assignmentIdPrefix}.${eventId}-${n}`
 * is issued at the recording, due `offsetDays` whole days from the end of the event's day
 * (negative: before it).
 */
export interface EventObligation extends Omit<Obligation, 'assignmentId' | 'periodKey' | 'issueAt' | 'dueAt' | 'phaseId'> {
  assignmentIdPrefix: string;
  eventId: string;
  offsetDays: number;
}

export interface ScheduledDepartment {
  id: string;
  name: string;
  kind: string;
  parent?: string;
}

export interface ScheduledPhase {
  phaseId: string;
  name: string;
  kind: 'theme-year' | 'stage';
  order: number;
  opensAt: Instant;
  /** When the closing duty (summary report, inspection) begins; default: 14 days before closesAt. */
  closingStartsAt?: Instant;
  closesAt: Instant;
  focus: string[];
}

/** One measure's (or phase deliverable's) obligation for one department for one due date. */
export interface Obligation {
  /** Deterministic: `${measureId}.${departmentId}.${periodKey}`; ASCII, no ':' (BullMQ ids). */
  assignmentId: string;
  measureId: string;
  title: string;
  /** Phase the obligation falls in (by due date), or the phase a deliverable belongs to. */
  phaseId?: string;
  programmeId?: string;
  departmentId: string;
  responsibility: 'lead' | 'co';
  /** e.g. "2022", "2022-s1", "2022-w37", "once"; a product fan-out prefixes the subject: "maths-2022-s1". */
  periodKey: string;
  /**
   * A product fan-out (`lead: { each: all-schools, times: [maths, …] }`): the label this
   * obligation is for. Absent on every other obligation (and on every event stored before it).
   */
  subject?: string;
  /**
   * A standing duty (常态化, period key "standing"): no due date. `dueAt` is the end of the window
   * it runs in (its phases or the plan), kept so the stored shape is unchanged; no reminder,
   * overdue or escalation timer is derived for it and submitting it is never late. Absent on
   * every other obligation (and on every event stored before it).
   */
  standing?: true;
  /**
   * A role lead (`lead: { role: head-teacher, of: all-schools }`): the role whose holders in
   * `departmentId` carry the work (班主任, 骨干教师). Until a roster maps role@unit to persons the
   * department owns it. Absent on every other obligation (and on every event stored before it).
   */
  role?: string;
  /** "at least N" obligations: how many reports the period needs. */
  requiredCount: number;
  issueAt: Instant;
  dueAt: Instant;
  /** Review chain after the drafting department: reviewer unit ids in order, then the receiver. */
  reviewers: string[];
  submitTo?: string;
  remindDaysBefore: number[];
  escalation: { afterDays: number; to: string }[];
  /** Work issued when this work is accepted, due `offsetDays` × 24 h after the acceptance (ADR 0015). */
  followOns?: FollowOnObligation[];
}

/** An obligation issued by the acceptance of another: its id and period key fixed at compile time. */
export interface FollowOnObligation extends Omit<Obligation, 'issueAt' | 'dueAt' | 'phaseId' | 'followOns'> {
  offsetDays: number;
}

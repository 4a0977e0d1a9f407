import type { Instant } from '../shared/time';
import type { ScheduledTarget } from '../targets/scheduled-target';
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
  /**
   * When the plan is published: the start of its issue date (or of the date it names), which may
   * lie before or after the span's start. Absent on schedules stored before it: then the span's start.
   */
  publishesAt?: Instant;
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
  /** Work of undated phases, issued when its phase opens (absent: the plan has none; ADR 0019). */
  phaseObligations?: PhaseObligation[];
  /** The holiday table, for work whose offset counts working days from a date known only at run time (absent: no such work). */
  workingDayTable?: WorkingDayTable;
  /** Targets with their milestones, judged on each measurement (ADR 0023; absent: none). */
  targets?: ScheduledTarget[];
  /** Inspections (督查) the plan names, recorded when they take place (ADR 0024; absent: none). */
  inspections?: ScheduledInspection[];
  /** 考核: the plan's scoring rubric (absent: the plan declares none). */
  assessment?: AssessmentRubric;
  /** 通报: when bulletins are issued by themselves (absent: only on demand). */
  bulletins?: BulletinTimetable;
}

/**
 * One department's obligation in an undated phase (`after: previous`), dated from the phase's
 * opening: issued when the phase opens, due `offsetDays` × 24 h after the opening, as follow-ons
 * are after an acceptance (ADR 0015). Its id and period key are fixed at compile time.
 */
export interface PhaseObligation extends Omit<Obligation, 'issueAt' | 'dueAt' | 'phaseId' | 'followOns'> {
  phaseId: string;
  offsetDays: number;
}

/**
 * What a host needs to count working days at run time as the compiler counts them (ADR 0020): the
 * days the compiler's holiday table takes off on weekdays and the weekend days it makes working
 * days, for every year it covers (outside them only weekends are off), and the plan's zone.
 */
export interface WorkingDayTable {
  /** The holiday table's name (PlanSchedule.holidayCalendar). */
  name: string;
  timeZone: string;
  coveredYears: number[];
  /** Monday–Friday days that are public holidays (YYYY-MM-DD, ascending). */
  weekdaysOff: string[];
  /** Saturdays and Sundays that are working days (调休上班, ascending). */
  makeUpWorkingDays: string[];
}

/** An inspection the plan names: who inspects whom, when it is expected, how long rectification takes. */
export interface ScheduledInspection {
  inspectionId: string;
  name: string;
  inspectingUnitId: string;
  /** The inspected units, groups resolved. */
  unitIds: string[];
  /** The local date (YYYY-MM-DD) it is planned for, when the plan says. */
  date?: string;
  /** Days from a finding to its rectification deadline (整改期限). */
  rectificationDays: number;
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
  /** `offsetDays` counts working days (PlanSchedule.workingDayTable), not calendar days. */
  workingDays?: true;
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
  kind: 'theme-year' | 'stage' | 'step';
  order: number;
  opensAt: Instant;
  /** When the closing duty (summary report, inspection) begins; default: 14 days before closesAt. */
  closingStartsAt?: Instant;
  closesAt: Instant;
  focus: string[];
  /**
   * An undated phase (`after: previous`, ADR 0019): it opens when this phase, the one before it,
   * closes (by its date or by a planner). Then `opensAt` is only the earliest it could open and
   * `closesAt` the plan's end: it stays open until a planner closes it, at the latest then.
   * Absent on every dated phase (and on every event stored before it).
   */
  opensAfter?: string;
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
  /**
   * A reporting assignment (ADR 0023): its submission carries the value of this target for
   * `unitId` (null: plan-wide) and `period`. Absent on every other obligation.
   */
  reports?: { targetId: string; unitId: string | null; period: string };
}

/** An obligation issued by the acceptance of another: its id and period key fixed at compile time. */
export interface FollowOnObligation extends Omit<Obligation, 'issueAt' | 'dueAt' | 'phaseId' | 'followOns'> {
  offsetDays: number;
  /** Due at the end of the `offsetDays`-th working day after the day of the acceptance (PlanSchedule.workingDayTable). */
  workingDays?: true;
}

import { isWithin, schoolYearSpan, type DateSpan, type LocalDate, type SchoolCalendarOptions } from '@planledger/calendar';
import type { ScheduledPhase } from '@planledger/domain';
import type { Definition, DefinitionPhase } from './definition';
import type { PlanClock } from './plan-clock';
import type { ProblemList } from './schedule-compilation-error';

export interface PhaseWindow {
  phaseId: string;
  span: DateSpan;
  /** Position in the definition: the last tie-breaker, so results never depend on sort stability. */
  index: number;
}

/** A dated phase's days (an open-ended window, no `to`, runs until the plan ends); undefined for an undated one (after: previous, ADR 0019). */
export const phaseSpan = (phase: DefinitionPhase, school: SchoolCalendarOptions, planSpan: DateSpan): DateSpan | undefined =>
  phase.window === undefined
    ? undefined
    : 'schoolYear' in phase.window
      ? schoolYearSpan(phase.window.schoolYear, school)
      : { start: phase.window.from, end: phase.window.to ?? planSpan.end };

/** The plan's days: whole school years (as the school calendar starts them) or calendar dates. */
export const planSpanOf = (plan: Definition['plan'], school: SchoolCalendarOptions): DateSpan =>
  'from' in plan.span
    ? { start: plan.span.from, end: plan.span.to }
    : { start: schoolYearSpan(plan.span.fromSchoolYear, school).start, end: schoolYearSpan(plan.span.toSchoolYear, school).end };

/** An undated phase: it opens when `opensAfter`, the phase listed before it, closes. */
export interface UndatedPhase {
  phaseId: string;
  opensAfter: string;
}

/** Phases in time order: by opening, then closing, then as written. */
const byOpening = (a: PhaseWindow, b: PhaseWindow): number =>
  a.span.start < b.span.start ? -1 : a.span.start > b.span.start ? 1 : a.span.end < b.span.end ? -1 : a.span.end > b.span.end ? 1 : a.index - b.index;

/** Innermost first: a stage inside a theme year is the more specific answer for a date in both. */
const innermostFirst = (a: PhaseWindow, b: PhaseWindow): number =>
  a.span.start > b.span.start ? -1 : a.span.start < b.span.start ? 1 : a.span.end < b.span.end ? -1 : a.span.end > b.span.end ? 1 : a.index - b.index;

export class PhaseWindows {
  /** Dated phases only: undated ones have no window for a date to fall in. */
  readonly byId = new Map<string, PhaseWindow>();
  readonly undated = new Map<string, UndatedPhase>();
  private readonly innermost: PhaseWindow[];

  constructor(definition: Definition, private readonly planSpan: DateSpan, school: SchoolCalendarOptions, problems: ProblemList) {
    definition.phases.forEach((phase, index) => {
      const span = phaseSpan(phase, school, planSpan);
      if (span === undefined) {
        const before = definition.phases[index - 1];
        if (phase.after !== 'previous' || before === undefined) problems.add(`phase "${phase.id}" has no window and follows no phase before it`);
        else this.undated.set(phase.id, { phaseId: phase.id, opensAfter: before.id });
        return;
      }
      if (span.end < span.start) problems.add(`phase "${phase.id}" closes (${span.end}) before it opens (${span.start})`);
      else if (!isWithin(span.start, planSpan) || !isWithin(span.end, planSpan)) {
        problems.add(`phase "${phase.id}" (${span.start} … ${span.end}) lies outside the plan span (${planSpan.start} … ${planSpan.end})`);
      }
      if (this.byId.has(phase.id)) problems.add(`phase id "${phase.id}" is used twice`);
      this.byId.set(phase.id, { phaseId: phase.id, span, index });
    });
    this.innermost = [...this.byId.values()].sort(innermostFirst);
  }

  /** The most specific phase whose window holds the date, preferring the ones listed. */
  phaseAt(date: LocalDate, preferred?: ReadonlySet<string>): PhaseWindow | undefined {
    const holding = this.innermost.filter((w) => isWithin(date, w.span));
    return (preferred && holding.find((w) => preferred.has(w.phaseId))) ?? holding[0];
  }

  /** A phase the plan has, dated or not. */
  has(phaseId: string): boolean {
    return this.byId.has(phaseId) || this.undated.has(phaseId);
  }

  /**
   * Dated phases in time order, each undated one right after the phase it follows. An undated
   * phase opens at the earliest when the first dated phase of its chain opens, and closes at the
   * latest at the plan's end (ADR 0019).
   */
  scheduled(definition: Definition, clock: PlanClock): ScheduledPhase[] {
    const phasesById = new Map(definition.phases.map((p) => [p.id, p]));
    const ordered: { phaseId: string; opensOn: LocalDate; closesOn: LocalDate; opensAfter?: string }[] = [];
    const placeAfter = (phaseId: string, opensOn: LocalDate) => {
      for (const next of this.undated.values()) {
        if (next.opensAfter !== phaseId) continue;
        ordered.push({ phaseId: next.phaseId, opensOn, closesOn: this.planSpan.end, opensAfter: phaseId });
        placeAfter(next.phaseId, opensOn);
      }
    };
    for (const window of [...this.byId.values()].sort(byOpening)) {
      ordered.push({ phaseId: window.phaseId, opensOn: window.span.start, closesOn: window.span.end });
      placeAfter(window.phaseId, window.span.start);
    }
    return ordered.map(({ phaseId, opensOn, closesOn, opensAfter }, position) => {
      const phase = phasesById.get(phaseId) as DefinitionPhase;
      return {
        phaseId: phase.id,
        name: phase.name,
        kind: phase.kind,
        order: position + 1,
        opensAt: clock.day(opensOn).opensAt,
        closesAt: clock.day(closesOn).closesAt,
        focus: [...phase.focus],
        ...(opensAfter !== undefined ? { opensAfter } : {}),
      };
    });
  }
}

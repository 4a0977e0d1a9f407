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

/** A phase's days; an open-ended window (no `to`) runs until the plan ends. */
export const phaseSpan = (phase: DefinitionPhase, school: SchoolCalendarOptions, planSpan: DateSpan): DateSpan =>
  'schoolYear' in phase.window ? schoolYearSpan(phase.window.schoolYear, school) : { start: phase.window.from, end: phase.window.to ?? planSpan.end };

/** The plan's days: whole school years (as the school calendar starts them) or calendar dates. */
export const planSpanOf = (plan: Definition['plan'], school: SchoolCalendarOptions): DateSpan =>
  'from' in plan.span
    ? { start: plan.span.from, end: plan.span.to }
    : { start: schoolYearSpan(plan.span.fromSchoolYear, school).start, end: schoolYearSpan(plan.span.toSchoolYear, school).end };

/** Phases in time order: by opening, then closing, then as written. */
const byOpening = (a: PhaseWindow, b: PhaseWindow): number =>
  a.span.start < b.span.start ? -1 : a.span.start > b.span.start ? 1 : a.span.end < b.span.end ? -1 : a.span.end > b.span.end ? 1 : a.index - b.index;

/** Innermost first: a stage inside a theme year is the more specific answer for a date in both. */
const innermostFirst = (a: PhaseWindow, b: PhaseWindow): number =>
  a.span.start > b.span.start ? -1 : a.span.start < b.span.start ? 1 : a.span.end < b.span.end ? -1 : a.span.end > b.span.end ? 1 : a.index - b.index;

export class PhaseWindows {
  readonly byId = new Map<string, PhaseWindow>();
  private readonly innermost: PhaseWindow[];

  constructor(definition: Definition, planSpan: DateSpan, school: SchoolCalendarOptions, problems: ProblemList) {
    definition.phases.forEach((phase, index) => {
      const span = phaseSpan(phase, school, planSpan);
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

  scheduled(definition: Definition, clock: PlanClock): ScheduledPhase[] {
    const phasesById = new Map(definition.phases.map((p) => [p.id, p]));
    return [...this.byId.values()].sort(byOpening).map((window, position) => {
      const phase = phasesById.get(window.phaseId) as DefinitionPhase;
      return {
        phaseId: phase.id,
        name: phase.name,
        kind: phase.kind,
        order: position + 1,
        opensAt: clock.day(window.span.start).opensAt,
        closesAt: clock.day(window.span.end).closesAt,
        focus: [...phase.focus],
      };
    });
  }
}

import { classifyPlanStream, isWithinAsOf, replayPlanAsOf, type AsOf } from '@planledger/audit';
import type { AssessmentRubric, PlanSchedule } from '@planledger/domain';
import type { StoredEvent } from '@planledger/event-store';
import { PlanNotRecordedError } from '../model/bulletin-model';
import type { Assessment, AssessmentPeriod } from './assessment-model';
import { defaultAssessmentPeriod, scoreAssessment } from './score-assessment';

export class NoRubricError extends Error {
  constructor(readonly planId: string) {
    super(`plan ${planId} declares no assessment rubric (assessment: in the plan file; docs/plan-language/assessment.md)`);
  }
}

export const hasRubric = (schedule: PlanSchedule | undefined): schedule is PlanSchedule & { assessment: AssessmentRubric } => schedule?.assessment !== undefined;

/**
 * The business instant an as-of is judged at, as the bulletin judges it (ADR 0017): on the business
 * basis the instant; on the recorded basis the later of the instant and the latest business time
 * among the events by then (under the virtual clock business time runs ahead of the store's).
 */
export function judgedInstantOf(events: readonly StoredEvent[], asOf: AsOf): number {
  const instantMs = Date.parse(asOf.instant);
  if (asOf.basis === 'business') return instantMs;
  const within = isWithinAsOf(asOf);
  let latest = Number.NEGATIVE_INFINITY;
  for (const event of events) if (within(event) && event.metadata.businessTime) latest = Math.max(latest, Date.parse(event.metadata.businessTime));
  return Math.max(instantMs, latest);
}

/** The schedule in force at `asOf`: the last one a plan event (PlanDrafted, PlanAmended…) carried by then. */
export function scheduleAsOf(planId: string, events: readonly StoredEvent[], asOf: AsOf): PlanSchedule | undefined {
  const within = isWithinAsOf(asOf);
  let schedule: PlanSchedule | undefined;
  const ordered = events.filter((e) => within(e) && classifyPlanStream(planId, e.stream)?.kind === 'plan').sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
  for (const event of ordered) {
    const data = event.data as { schedule?: PlanSchedule };
    if (data.schedule) schedule = data.schedule;
  }
  return schedule;
}

/**
 * The plan's assessment as of `asOf`, from its stored events: the rubric in force then, applied to
 * the record then. Throws PlanNotRecordedError before the plan existed, NoRubricError when its
 * schedule then had no rubric, UnknownAssessmentPeriodError for a phase it does not have.
 */
export function buildAssessment(planId: string, events: readonly StoredEvent[], asOf: AsOf, options: { period?: AssessmentPeriod } = {}): Assessment {
  const replayed = replayPlanAsOf(planId, events, asOf);
  if (!replayed) throw new PlanNotRecordedError(planId, asOf);
  const schedule = scheduleAsOf(planId, events, asOf);
  if (!hasRubric(schedule)) throw new NoRubricError(planId);
  const judgedMs = judgedInstantOf(events, asOf);
  const period = options.period ?? defaultAssessmentPeriod(schedule, judgedMs);
  return scoreAssessment({ planId, schedule, assignments: replayed.assignments, events, asOf, judgedMs, period });
}

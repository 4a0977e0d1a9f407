import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { planDecider, type AssignmentState, type PhaseState, type PlanAmended, type PlanState, type TargetStatusChanged } from '@planledger/domain';
import type { Clock, CommandExecutor } from '@planledger/engine';
import type { PlanError } from '@planledger/plan-definition';
import { CLOCK, COMMAND_EXECUTOR } from '@planledger/runtime';
import { businessNow } from '../../commands/command-context';
import { accepted, fromDomainError, rejected, type QueryResult } from '../../commands/command-result';
import { prepareInRange } from '../prepare-in-range';
import { PlanPreparationPool } from '../preparation/plan-preparation.pool';
import { assignmentsToLook, describeAmendment, type AmendmentPreview } from './amendment-preview';
import { PreviewAmendmentQuery } from './plan-preview.queries';

/** The statuses the amendment's decision records for targets judged again under the new terms. */
const rejudgedIn = (events: readonly { type: string }[]): TargetStatusChanged[] => events.filter((e): e is TargetStatusChanged => e.type === 'TargetStatusChanged');

/** The decider wants a reason; the preview's is never recorded. */
const PREVIEW_REASON = 'preview';
/** Assignment streams read at once while looking up what the amendment touches. */
const LOAD_CONCURRENCY = 16;

/**
 * The amendment preview: the new version checked as POST /plans/{id}/amendments checks it, the
 * AmendPlan command decided by the plan decider against the plan's current state (same refusals:
 * 404, 409 when not published, 400 when it changes nothing), and its effects derived from the
 * current states of the work and phases it touches. Only reads: nothing is appended.
 */
@QueryHandler(PreviewAmendmentQuery)
export class PreviewAmendmentHandler implements IQueryHandler<PreviewAmendmentQuery> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly preparation: PlanPreparationPool,
  ) {}

  async execute({ planId, upload, actor }: PreviewAmendmentQuery): Promise<QueryResult<AmendmentPreview & { warnings: PlanError[] }>> {
    const prepared = await prepareInRange(this.preparation, { ...upload, planId });
    if (!prepared.ok) return prepared;
    const plan = (await this.executor.load({ aggregate: 'plan', planId })).state as PlanState;
    const decision = planDecider.decide(
      { type: 'AmendPlan', data: { planId, schedule: prepared.schedule, reason: PREVIEW_REASON, source: prepared.source }, metadata: { actor, at: await businessNow(this.clock) } },
      plan,
    );
    if (!decision.ok) return rejected(fromDomainError(decision.error));
    const amended = decision.events[0] as PlanAmended;

    const statuses = new Map<string, AssignmentState['status']>();
    const ids = assignmentsToLook(amended);
    for (let i = 0; i < ids.length; i += LOAD_CONCURRENCY) {
      await Promise.all(ids.slice(i, i + LOAD_CONCURRENCY).map(async (assignmentId) => {
        statuses.set(assignmentId, ((await this.executor.load({ aggregate: 'assignment', planId, assignmentId })).state as AssignmentState).status);
      }));
    }
    const phaseStatuses = new Map<string, PhaseState['status']>();
    for (const phase of plan.schedule!.phases) {
      phaseStatuses.set(phase.phaseId, ((await this.executor.load({ aggregate: 'phase', planId, phaseId: phase.phaseId })).state as PhaseState).status);
    }
    return accepted({ ...describeAmendment(plan.schedule!, amended, (id) => statuses.get(id) ?? 'not_issued', (id) => phaseStatuses.get(id) ?? 'unscheduled', rejudgedIn(decision.events)), warnings: prepared.warnings });
  }
}

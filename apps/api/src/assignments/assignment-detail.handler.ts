import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PeopleDirectory, Principal } from '@planledger/auth';
import { owingStatuses, reviewChainOf, streamNames, type AssignmentState, type Obligation, type PlanState } from '@planledger/domain';
import type { Clock, CommandExecutor } from '@planledger/engine';
import type { EventStorage } from '@planledger/event-store';
import { CLOCK, COMMAND_EXECUTOR, EVENT_STORAGE } from '@planledger/runtime';
import { holdingIndex, rosterHoldings } from '@planledger/projections';
import { PEOPLE_DIRECTORY } from '../auth/auth-tokens';
import { accepted, notFound, rejected, type QueryResult, type Rejected } from '../commands/command-result';
import { isNotificationRecordType, notificationOutcomeOf, notificationStreamOf } from '@planledger/notifications';
import { byPosition, readHistory } from '../history/history-entry';
import { DepartmentDirectory, departmentName } from '../read-models/department-directory';
import { roleHoldersOf } from '../read-models/my-inbox.handler';
import { allowedActionsFor } from './allowed-actions';
import type { AssignmentAddress } from './assignment-locator';
import type { AssignmentDetailResponse, AttachmentResponse } from './assignment-response-schemas';
import { MeasureTexts } from './measure-texts';
import { foldAssignment, InvalidAsOfError, isWithinAsOf, readStreams, resolveAsOf, type AsOf, type AsOfBasis } from '@planledger/audit';
import { AuditTrail } from '../audit/audit-trail.service';
import type { Viewer } from '../audit/audit.queries';
import { toHistoryEntry, type HistoryEntry } from '../history/history-entry';

/** An auditor's "as it stood then": which moment, on which clock, and who is looking (the view is recorded). */
export interface AssignmentAsOfRequest {
  asOf: string;
  basis: AsOfBasis;
  viewer: Viewer;
}

export class AssignmentDetailQuery extends Query<QueryResult<AssignmentDetailResponse>> {
  constructor(readonly address: AssignmentAddress, readonly principal: Principal, readonly asOf?: AssignmentAsOfRequest) {
    super();
  }
}

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** An attachment as an event records it: an uploaded file (sha256) or an older bare reference. */
export function attachmentView(address: AssignmentAddress, raw: unknown): AttachmentResponse {
  const a = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const sha256 = stringOrNull(a.sha256);
  const ref = stringOrNull(a.ref);
  return {
    sha256,
    name: stringOrNull(a.name) ?? ref ?? sha256 ?? '',
    size: typeof a.size === 'number' ? a.size : null,
    mediaType: stringOrNull(a.mediaType),
    ref: sha256 === null ? ref : null,
    downloadUrl: sha256 === null ? null : `/assignments/${encodeURIComponent(`${address.planId}.${address.assignmentId}`)}/files/${sha256}`,
  };
}

/**
 * One assignment as its page shows it: what is asked (the measure and the plan document's
 * sentence), the deadline, the review chain and where the work stands in it, every event with
 * who did it and their notes, the documents, and the actions open to the caller. Read from the
 * store (the record, fresh after an action), the read models only for names.
 */
@QueryHandler(AssignmentDetailQuery)
export class AssignmentDetailHandler implements IQueryHandler<AssignmentDetailQuery> {
  constructor(
    @Inject(EVENT_STORAGE) private readonly storage: EventStorage,
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory,
    private readonly directory: DepartmentDirectory,
    private readonly texts: MeasureTexts,
    private readonly trail: AuditTrail,
  ) {}

  /**
   * As of a moment: only this assignment's two streams are read (never the plan's or the store's),
   * cut at the instant and folded with the decider, so the page costs the same on any store size.
   */
  private async asItStood(address: AssignmentAddress, { asOf: requested, basis, viewer }: AssignmentAsOfRequest): Promise<{ ok: true; asOf: AsOf; state: AssignmentState; events: HistoryEntry[]; deliveries: HistoryEntry[] } | Rejected> {
    const [zoneRow] = await this.storage.database.query<{ time_zone: string }>('select time_zone from read_plans where plan_id = $1', [address.planId]);
    let asOf: AsOf;
    try {
      asOf = resolveAsOf(requested, zoneRow?.time_zone ?? 'UTC', basis);
    } catch (error) {
      if (error instanceof InvalidAsOfError) return rejected({ kind: 'invalid', problems: [{ field: 'asOf', message: error.message }] });
      throw error;
    }
    const stream = streamNames.assignment(address.planId, address.assignmentId);
    const [own, notes] = (await readStreams(this.storage.store, [stream, notificationStreamOf(address.planId, address.assignmentId)])).map((events) => events.filter(isWithinAsOf(asOf)));
    await this.trail.viewed(viewer.actor, { route: 'GET /assignments/{id}?asOf', planId: address.planId, stream, asOf: asOf.instant, asOfBasis: basis }, viewer.correlationId);
    const folded = foldAssignment(own);
    if (!folded) return rejected({ kind: 'not_found', message: `assignment ${address.planId}.${address.assignmentId} had not been issued by ${asOf.instant} (${basis} time)` });
    return { ok: true, asOf, state: folded.state, events: own.map(toHistoryEntry), deliveries: notes.map(toHistoryEntry) };
  }

  private async current(address: AssignmentAddress): Promise<{ state: AssignmentState; events: HistoryEntry[]; deliveries: HistoryEntry[] }> {
    const { state } = (await this.executor.load({ aggregate: 'assignment', ...address })) as { state: AssignmentState };
    const [events, deliveries] = await Promise.all([
      readHistory(this.storage.store, streamNames.assignment(address.planId, address.assignmentId)),
      readHistory(this.storage.store, notificationStreamOf(address.planId, address.assignmentId)),
    ]);
    return { state, events, deliveries };
  }

  /** A reporting assignment's target, as the submit form needs it (the value's kind, unit, levels). */
  private async reportedTarget(planId: string, o: Obligation) {
    if (!o.reports) return null;
    const { state } = await this.executor.load({ aggregate: 'plan', planId });
    const target = (state as PlanState).schedule?.targets?.find((t) => t.targetId === o.reports?.targetId);
    if (!target) return null;
    return { ...o.reports, metric: target.metric, kind: target.kind, unit: target.unit, ...(target.levels ? { levels: [...target.levels] } : {}) };
  }

  async execute({ address, principal, asOf: asked }: AssignmentDetailQuery): Promise<QueryResult<AssignmentDetailResponse>> {
    const then = asked ? await this.asItStood(address, asked) : undefined;
    if (then && !then.ok) return then;
    const { state, events, deliveries } = then ?? (await this.current(address));
    const o = state.obligation;
    if (state.status === 'not_issued' || !o) return notFound('assignment', `${address.planId}.${address.assignmentId}`);
    const [plans, reach, measure, clockNow, planRow] = await Promise.all([
      this.directory.current(),
      this.directory.reachByPlan(principal.departments),
      this.texts.of(address.planId, o.measureId),
      this.clock.now(),
      this.storage.database.query<{ title: string }>('select title from read_plans where plan_id = $1', [address.planId]),
    ]);
    // As of a moment, "overdue" is judged at that moment; and nothing can be done in the past.
    const now = then ? new Date(then.asOf.instant) : clockNow;
    const name = (departmentId: string) => departmentName(plans, address.planId, departmentId);
    const people = new Map((await this.people.list()).map((person) => [person.personId, person.name]));

    const chain = reviewChainOf(o);
    const currentStep = state.status === 'submitted' && state.reviewStep < chain.length ? state.reviewStep : null;
    const steps = chain.map((departmentId, index) => ({
      departmentId, departmentName: name(departmentId),
      role: (o.submitTo !== undefined && index === chain.length - 1 ? 'receiver' : 'reviewer') as 'receiver' | 'reviewer',
      state: (currentStep === null ? (state.status === 'accepted' ? 'passed' : 'pending') : index < currentStep ? 'passed' : index === currentStep ? 'current' : 'pending') as 'pending' | 'current' | 'passed',
    }));

    const history = [...events, ...deliveries].sort(byPosition).map((entry) => {
      const data = (entry.data ?? {}) as Record<string, unknown>;
      const delivery = isNotificationRecordType(entry.type)
        ? {
          channelId: String(data.channelId ?? ''), channelKind: String(data.channelKind ?? ''), recipientId: String(data.recipientId ?? ''),
          recipientName: name(String(data.recipientId ?? '')), kind: String(data.kind ?? ''), attempt: Number(data.attempt ?? 0),
          outcome: notificationOutcomeOf(entry.type), detail: stringOrNull(data.detail), error: stringOrNull(data.error), title: stringOrNull(data.title),
        }
        : null;
      const departmentId = entry.actor.departmentId ?? null;
      return {
        revision: entry.revision, type: entry.type, at: entry.businessTime, recordedAt: entry.recordedAt,
        actor: {
          userId: entry.actor.userId, name: entry.actor.role === 'system' ? 'system' : (people.get(entry.actor.userId) ?? entry.actor.userId), role: entry.actor.role,
          departmentId, departmentName: departmentId === null ? null : name(departmentId),
        },
        note: stringOrNull(data.note) || null,
        reason: stringOrNull(data.reason) || null,
        attachments: delivery ? [] : (Array.isArray(data.attachments) ? data.attachments : []).map((raw) => attachmentView(address, raw)),
        data,
        delivery,
      };
    });
    const attachments = history.flatMap((item) => item.attachments.map((attachment) => ({ ...attachment, addedAt: item.at, addedBy: item.actor.name, eventType: item.type })));

    const currentReviewer = currentStep === null ? null : chain[currentStep];
    const inPlan = reach.get(address.planId) ?? new Set(principal.departments);
    const overdue = owingStatuses.includes(state.status) && (state.overdueSince !== undefined || Date.parse(state.dueAt) <= now.getTime());
    // Who holds the role at the unit then (as of the replayed moment, or now): the roster's rows up to it (ADR 0022).
    const holding = o.role === undefined ? undefined : holdingIndex(await rosterHoldings(this.storage.database, [address.planId], now))(address.planId, o.role, state.departmentId);
    const role = o.role === undefined ? null : { ...roleHoldersOf(o.role, holding), roleName: measure?.roleName ?? o.role };
    const sourceText = measure?.source ? { text: measure.source, from: 'source' as const } : measure?.description ? { text: measure.description, from: 'description' as const } : null;
    const reports = await this.reportedTarget(address.planId, o);
    return accepted({
      reports,
      assignmentId: address.assignmentId, ref: `${address.planId}.${address.assignmentId}`, planId: address.planId, planTitle: planRow[0]?.title ?? address.planId,
      measureId: o.measureId, measureTitle: measure?.title ?? o.title, measureKind: measure?.kind ?? null, description: measure?.description ?? null, sourceText,
      phaseId: o.phaseId ?? null, periodKey: o.periodKey, departmentId: state.departmentId, departmentName: name(state.departmentId), responsibility: o.responsibility,
      status: state.status, issuedAt: events[0]?.businessTime ?? o.issueAt, dueAt: state.dueAt, overdue, overdueSince: state.overdueSince ?? null,
      escalationLevel: state.escalationLevel, requiredCount: o.requiredCount, progressCount: state.progressCount,
      submittedAt: state.submittedAt ?? null, acceptedAt: state.acceptedAt ?? null,
      reviewChain: { steps, currentStep }, history, attachments,
      allowedActions: then ? [] : allowedActionsFor(principal, { status: state.status, departmentId: state.departmentId, currentReviewer },
        (department) => inPlan.has(department) || (department === state.departmentId && (holding?.people.some((p) => p.personId === principal.subject) ?? false))),
      ...(then && { asOf: { instant: then.asOf.instant, basis: then.asOf.basis, requested: then.asOf.requested } }),
      role,
    });
  }
}

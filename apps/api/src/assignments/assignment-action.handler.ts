import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decidePlan, type AssignmentCommand, type AssignmentState, type CommandMetadata, type Obligation, type PlanState } from '@planledger/domain';
import type { Clock, CommandExecutor } from '@planledger/engine';
import { CLOCK, COMMAND_EXECUTOR } from '@planledger/runtime';
import { businessNow, executeCommand, scopedIdempotencyKey } from '../commands/command-context';
import { accepted, rejected, type CommandResult, type FieldProblem } from '../commands/command-result';
import type { AssignmentAction, AssignmentActionBody } from '../routes/request-schemas';
import { AssignmentActionCommand, type AssignmentActionResult } from './assignment-action.command';
import { unknownDepartmentOfPlan } from './known-department';
import { AssignmentFiles } from '../files/assignment-files';
import type { AssignmentAddress } from './assignment-locator';
import { recordMeasurement } from '../plans/record-measurement.handler';

type Attachments = AssignmentActionBody<'submit'>['attachments'];

/**
 * Each uploaded file an action references must have been uploaded for this assignment, with the
 * size and media type it was received with; the event then records them (and the hash chain covers them).
 */
async function uploadedFileProblems(files: AssignmentFiles, address: AssignmentAddress, attachments: Attachments): Promise<FieldProblem[]> {
  const referenced = (attachments ?? []).flatMap((attachment, index) => ('sha256' in attachment ? [{ attachment, index }] : []));
  if (referenced.length === 0) return [];
  const uploaded = await files.uploaded(address, referenced.map(({ attachment }) => attachment.sha256));
  const problems: FieldProblem[] = [];
  for (const { attachment, index } of referenced) {
    const record = uploaded.get(attachment.sha256);
    const at = `attachments[${index}]`;
    if (!record) problems.push({ field: `${at}.sha256`, message: `no file with this SHA-256 was uploaded for assignment ${address.planId}.${address.assignmentId}: upload it first (POST /assignments/{id}/files)` });
    else if (record.size !== attachment.size) problems.push({ field: `${at}.size`, message: `the file was uploaded with ${record.size} bytes` });
    else if (record.mediaType !== attachment.mediaType) problems.push({ field: `${at}.mediaType`, message: `the file was uploaded as ${record.mediaType}` });
  }
  return problems;
}

/** The route action and its validated body → the domain command of libs/domain's assignment.commands.ts. */
function toDomainCommand(action: AssignmentAction, assignmentId: string, body: AssignmentActionBody<AssignmentAction>, metadata: CommandMetadata): AssignmentCommand {
  const b = body as Partial<AssignmentActionBody<'progress'> & AssignmentActionBody<'reassign'>>;
  switch (action) {
    case 'acknowledge': return { type: 'AcknowledgeAssignment', data: { assignmentId }, metadata };
    case 'start': return { type: 'StartAssignment', data: { assignmentId }, metadata };
    case 'progress': return { type: 'ReportProgress', data: { assignmentId, note: b.note ?? '', count: b.count, attachments: b.attachments }, metadata };
    case 'submit': return { type: 'SubmitAssignment', data: { assignmentId, note: b.note ?? '', attachments: b.attachments }, metadata };
    case 'return': return { type: 'ReturnAssignment', data: { assignmentId, reason: b.reason ?? '' }, metadata };
    case 'accept': return { type: 'AcceptAssignment', data: { assignmentId, note: b.note }, metadata };
    case 'reassign': return { type: 'ReassignAssignment', data: { assignmentId, toDepartmentId: b.toDepartmentId ?? '', reason: b.reason ?? '' }, metadata };
    case 'waive': return { type: 'WaiveAssignment', data: { assignmentId, reason: b.reason ?? '' }, metadata };
  }
}

/** The assignment's decider judges the action; one never issued is its `not_found`. */
@CommandHandler(AssignmentActionCommand)
export class AssignmentActionHandler implements ICommandHandler<AssignmentActionCommand> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly files: AssignmentFiles,
  ) {}

  async execute({ address, action, body, context }: AssignmentActionCommand): Promise<CommandResult<AssignmentActionResult>> {
    const target = { aggregate: 'assignment', ...address } as const;
    const metadata = { actor: context.actor, at: await businessNow(this.clock) };
    const report = await this.reportedValue(address, action, body, metadata);
    const problems = [...(await this.inputProblems(address, action, body)), ...report.problems];
    if (problems.length > 0) return rejected({ kind: 'invalid', problems });
    const result = await executeCommand(
      this.executor, target, toDomainCommand(action, address.assignmentId, body, metadata),
      { correlationId: context.correlationId, idempotencyKey: scopedIdempotencyKey(context, `${action}-${address.planId}.${address.assignmentId}`) },
    );
    if (!result.ok) return result;
    const state = result.state as AssignmentState;
    if (report.measurement) {
      // The value goes on the plan's stream right after the submission that carries it (ADR 0023).
      const { targetId, unitId, period, value } = report.measurement;
      const measured = await recordMeasurement(this.executor, address.planId, { targetId, unitId, period, value }, context, metadata.at, address.assignmentId);
      if (!measured.ok) return measured;
    }
    return accepted({
      ...address, status: state.status, departmentId: state.departmentId, dueAt: state.dueAt, reviewStep: state.reviewStep, progressCount: state.progressCount,
      events: result.events.map((event) => ({ type: event.type, at: event.at, actor: event.actor })),
    });
  }

  /**
   * A reporting assignment's submission carries its target's value (ADR 0023): required there,
   * refused elsewhere, and judged by the plan's decider before anything is recorded, so that a value
   * the target refuses refuses the submission too.
   */
  private async reportedValue(
    address: AssignmentAddress, action: AssignmentAction, body: AssignmentActionBody<AssignmentAction>, metadata: CommandMetadata,
  ): Promise<{ problems: FieldProblem[]; measurement?: NonNullable<Obligation['reports']> & { value: number | boolean | string } }> {
    if (action !== 'submit') return { problems: [] };
    const { value } = body as AssignmentActionBody<'submit'>;
    const { state } = await this.executor.load({ aggregate: 'assignment', ...address });
    const reports = (state as AssignmentState | undefined)?.obligation?.reports;
    if (!reports) return value === undefined ? { problems: [] } : { problems: [{ field: 'value', message: `assignment ${address.assignmentId} reports no target: send no value` }] };
    if (value === undefined) return { problems: [{ field: 'value', message: `assignment ${address.assignmentId} reports target "${reports.targetId}" for ${reports.period}: send its value` }] };
    const { state: plan } = await this.executor.load({ aggregate: 'plan', planId: address.planId });
    const decision = decidePlan({ type: 'RecordMeasurement', data: { planId: address.planId, ...reports, value, assignmentId: address.assignmentId }, metadata }, plan as PlanState);
    if (!decision.ok) return { problems: [{ field: 'value', message: decision.error.message }] };
    return { problems: [], measurement: { ...reports, value } };
  }

  /** What the decider cannot see: a reassignment's department and the uploaded files an action references. */
  private async inputProblems(address: AssignmentAddress, action: AssignmentAction, body: AssignmentActionBody<AssignmentAction>): Promise<FieldProblem[]> {
    if (action === 'reassign') {
      const unknown = await unknownDepartmentOfPlan(this.executor, address.planId, (body as AssignmentActionBody<'reassign'>).toDepartmentId);
      return unknown ? [unknown] : [];
    }
    if (action === 'submit' || action === 'progress') return uploadedFileProblems(this.files, address, (body as AssignmentActionBody<'submit'>).attachments);
    return [];
  }
}

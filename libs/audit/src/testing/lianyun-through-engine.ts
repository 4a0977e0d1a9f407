import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { timerKindOrder, timersForSchedule, type Actor } from '@planledger/domain';
import { fireTimer, preparePlan, type CommandExecutor } from '@planledger/engine';

const planner: Actor = { userId: 'wang.office', role: 'planner', departmentId: 'lianyun-bureau' };

/**
 * The Lianyun plan as the service would run it, without Redis: imported and published through
 * the engine, then its first `timers` schedule timers fired in due order (phases scheduled and
 * opened, the first assignments issued), and the first `acknowledged` assignments acknowledged
 * by their departments' heads. Returns the ids of the issued assignments.
 */
export async function runLianyunThroughEngine(executor: CommandExecutor, planId: string, options: { rebase: string; timers: number; acknowledged: number }): Promise<string[]> {
  const text = readFileSync(join(__dirname, '../../../../workflows/lianyun-quality-2021-2024.yaml'), 'utf8');
  const prepared = preparePlan({ text, fileName: 'lianyun-quality-2021-2024.yaml', rebase: options.rebase, planId });
  if (!prepared.ok) throw new Error(prepared.errors.map((e) => e.message).join('; '));
  const { schedule, source } = prepared;
  const at = schedule.startsAt;
  const plan = { aggregate: 'plan' as const, planId };
  const ok = (result: { ok: boolean }, what: string) => {
    if (!result.ok) throw new Error(`${what} was rejected`);
  };
  ok(await executor.execute(plan, { type: 'DraftPlan', data: { planId, schedule, source }, metadata: { actor: planner, at } }), 'DraftPlan');
  ok(await executor.execute(plan, { type: 'PublishPlan', data: { planId }, metadata: { actor: planner, at } }), 'PublishPlan');
  for (const phase of schedule.phases) {
    const target = { aggregate: 'phase' as const, planId, phaseId: phase.phaseId };
    ok(await executor.execute(target, { type: 'SchedulePhase', data: { planId, phaseId: phase.phaseId, phase }, metadata: { actor: planner, at } }), 'SchedulePhase');
  }
  const issued: string[] = [];
  const due = timersForSchedule(schedule).sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || timerKindOrder[a.kind] - timerKindOrder[b.kind] || (a.timerId < b.timerId ? -1 : 1));
  for (const timer of due.slice(0, options.timers)) {
    const result = await fireTimer(executor, timer);
    if (result.ok && timer.kind === 'assignment-issue' && timer.target.aggregate === 'assignment') issued.push(timer.target.assignmentId);
  }
  for (const assignmentId of issued.slice(0, options.acknowledged)) {
    const { state } = await executor.load({ aggregate: 'assignment', planId, assignmentId });
    const { departmentId } = state;
    const head: Actor = { userId: `head-of-${departmentId}`, role: 'department_head', departmentId };
    ok(await executor.execute({ aggregate: 'assignment', planId, assignmentId }, { type: 'AcknowledgeAssignment', data: { assignmentId }, metadata: { actor: head, at: issuedAtPlusDay(schedule.startsAt) } }), 'AcknowledgeAssignment');
  }
  return issued;
}

const issuedAtPlusDay = (at: string): string => new Date(Date.parse(at) + 40 * 86_400_000).toISOString();

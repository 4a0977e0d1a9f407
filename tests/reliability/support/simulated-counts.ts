import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { loadWorkflow } from '../../workflows/simulate-workflow';

const repo = join(__dirname, '..', '..', '..');

/**
 * What `planledger simulate --json` says a plan records up to `until` when no department ever
 * acts (every one `--silent`): the events per type. A service that fires the same timers and
 * receives no department's submission records the same timer-driven events.
 */
export function simulatedCounts(workflow: string, until: string): Record<string, number> {
  const silent = loadWorkflow(workflow).schedule.departments.map((department) => department.id);
  const { JEST_WORKER_ID: _jest, ...env } = process.env;
  const output = execFileSync(
    process.execPath,
    [join(repo, 'bin/planledger.cjs'), 'simulate', join(repo, 'workflows', workflow), '--json', '--until', until, '--silent', silent.join(',')],
    { cwd: repo, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  const counts: Record<string, number> = {};
  for (const line of output.split('\n')) {
    if (line.trim() === '') continue;
    const { type } = JSON.parse(line) as { type: string };
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

/** The events a timer records (what a fault could lose or duplicate), in the order they happen. */
export const TIMER_EVENT_TYPES = ['PhaseOpened', 'AssignmentIssued', 'AssignmentReminderDue', 'AssignmentOverdue', 'AssignmentEscalated'] as const;

export const pick = (counts: Record<string, number>, types: readonly string[]): Record<string, number> =>
  Object.fromEntries(types.map((type) => [type, counts[type] ?? 0]));

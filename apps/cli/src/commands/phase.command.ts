import type { Command } from 'commander';
import { addServiceOptions, callService, printServiceAnswer, type ServiceFlags } from './service-client';

/**
 * `planledger phase close <planId> <phaseId>`: a planner ends an open phase on the running
 * service, now; the undated phases after it (`after: previous`) open and their work is issued (ADR 0019).
 */
export function registerPhaseCommands(program: Command): void {
  const phase = program.command('phase').description('phases of a running plan (--url, --token)');
  addServiceOptions(phase.command('close').description('close an open phase now (…完成后进入下一阶段): the undated phase after it opens')
    .argument('<planId>').argument('<phaseId>', 'the id the plan gives the phase under phases:'))
    .action((planId: string, phaseId: string, flags: ServiceFlags) =>
      printServiceAnswer(() => callService(flags, 'POST', `/plans/${encodeURIComponent(planId)}/phases/${encodeURIComponent(phaseId)}/close`, { type: 'application/json', text: '{}' })),
    );
}

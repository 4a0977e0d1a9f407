import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Command } from 'commander';
import { readPlanFile } from './load-definition';
import { addServiceOptions, callService, printServiceAnswer, ServiceCallError, type ServiceFlags } from './service-client';

/**
 * `planledger plans import|publish|amend`: a planner's commands against the running service,
 * so that nobody needs curl. A plan naming a departmentsFile is sent with that file.
 */
export function registerPlansCommands(program: Command): void {
  const plans = program.command('plans').description('import, publish and amend plans on the running service (--url, --token)');
  addServiceOptions(plans.command('import').description('import a plan definition as a draft').argument('<file>', 'plan definition (YAML or JSON)'))
    .option('--rebase <date>', 'shift every date so that the plan starts on this day (YYYY-MM-DD)')
    .option('--plan-id <id>', 'import under another id, e.g. a rebased copy beside the original')
    .action((file: string, flags: ServiceFlags & { rebase?: string; planId?: string }) =>
      printServiceAnswer(async () => {
        const query = new URLSearchParams({ ...(flags.rebase && { rebase: flags.rebase }), ...(flags.planId && { planId: flags.planId }) });
        return callService(flags, 'POST', `/plans${query.size > 0 ? `?${query}` : ''}`, envelope(file));
      }),
    );
  addServiceOptions(plans.command('publish').description('publish a draft: from then on the engine runs it').argument('<planId>'))
    .option('--confirm-past-due', 'publish even when the span has started and work is already past due (the service says how much)')
    .action((planId: string, flags: ServiceFlags & { confirmPastDue?: boolean }) =>
      printServiceAnswer(() => callService(flags, 'POST', `/plans/${encodeURIComponent(planId)}/publish${flags.confirmPastDue ? '?confirmPastDue=true' : ''}`)));
  addServiceOptions(plans.command('amend').description('amend a published plan with a revised definition').argument('<planId>').argument('<file>', 'the revised definition'))
    .requiredOption('--reason <text>', 'why the plan changes (kept in the record)')
    .option('--rebase <date>', 'as for import, when the plan was imported rebased')
    .action((planId: string, file: string, flags: ServiceFlags & { reason: string; rebase?: string }) =>
      printServiceAnswer(() => {
        const query = new URLSearchParams({ reason: flags.reason, ...(flags.rebase && { rebase: flags.rebase }) });
        return callService(flags, 'POST', `/plans/${encodeURIComponent(planId)}/amendments?${query}`, envelope(file));
      }),
    );

  // `planledger event record <planId> <eventId> <date>`: the outside event's date, recorded by a planner (ADR 0015).
  const events = program.command('event').description('outside events of a running plan (a visit, a notice, an exam, an inspection)');
  addServiceOptions(events.command('record').description('record the date of an outside event the plan names: the work hanging on it is issued')
    .argument('<planId>').argument('<eventId>', 'the id the plan gives it under events:').argument('<date>', 'its date, YYYY-MM-DD in the plan zone'))
    .option('--units <id,...>', 'for an inspection: the units inspected')
    .option('--note <text>', 'what the planner wants on the record')
    .action((planId: string, eventId: string, date: string, flags: ServiceFlags & { units?: string; note?: string }) =>
      printServiceAnswer(() => {
        const units = flags.units?.split(',').map((s) => s.trim()).filter(Boolean);
        const body = { eventId, date, ...(units && units.length > 0 && { units }), ...(flags.note && { note: flags.note }) };
        return callService(flags, 'POST', `/plans/${encodeURIComponent(planId)}/events`, { type: 'application/json', text: JSON.stringify(body) });
      }),
    );
}

/** The definition and the departments file it names, as the API's JSON envelope. */
function envelope(file: string): { type: string; text: string } {
  const definition = readPlanFile(file);
  if (definition === undefined) throw new ServiceCallError(`cannot send ${file}`);
  const named = /^departmentsFile:\s*["']?([^"'\s#]+)/m.exec(definition)?.[1];
  const files: Record<string, string> = {};
  if (named) {
    try {
      files[named] = readFileSync(join(dirname(file), named), 'utf8');
    } catch {
      throw new ServiceCallError(`${file}: the departments file "${named}" it names cannot be read next to it`);
    }
  }
  return { type: 'application/json', text: JSON.stringify({ definition, fileName: basename(file), ...(named && { files }) }) };
}

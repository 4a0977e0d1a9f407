import { basename } from 'node:path';
import type { Command } from 'commander';
import { parseRosterFile, type ParsedRosterEntry } from '@planledger/plan-definition';
import { formatErrors, readPlanFile } from './load-definition';
import { addServiceOptions, callService, printServiceAnswer, ServiceCallError, type ServiceFlags } from './service-client';

/**
 * `planledger roster set <plan> <file>`: who holds a role at a unit (班主任, 骨干教师), named by a
 * planner after the plan is published (ADR 0022); `roster show <plan> [--as-of]` reads it back.
 * The file is checked here first (file:line); what only the plan can say (an unknown role or
 * unit) comes back from the service and is pointed at the entry's line too.
 */
export function registerRosterCommand(program: Command): void {
  const roster = program.command('roster').description('who holds the roles of a running plan (班主任 of a class, 骨干教师 at a school)');
  addServiceOptions(roster.command('set').description('record a roster file (YAML or JSON): role@unit → people, from now on')
    .argument('<planId>').argument('<file>', 'roster file: roster: [{ role, unit, people: [id | { id, name }] }]'))
    .action(async (planId: string, file: string, flags: ServiceFlags) => {
      const text = readPlanFile(file);
      if (text === undefined) return void (process.exitCode = 1);
      const parsed = parseRosterFile(text, file);
      if (!parsed.ok) {
        process.stderr.write(formatErrors(parsed.errors));
        return void (process.exitCode = 1);
      }
      const body = {
        ...(parsed.planId === undefined ? {} : { plan: parsed.planId }),
        fileName: basename(file),
        roster: parsed.entries.map(({ roleId, unitId, people }) => ({ role: roleId, unit: unitId, people: people.map(({ personId, name }) => (name === undefined ? personId : { id: personId, name })) })),
      };
      await printServiceAnswer(async () => {
        try {
          return await callService(flags, 'POST', `/plans/${encodeURIComponent(planId)}/roster`, { type: 'application/json', text: JSON.stringify(body) });
        } catch (error) {
          if (error instanceof ServiceCallError) throw new ServiceCallError(locateProblems(error.message, file, parsed.entries));
          throw error;
        }
      });
    });
  addServiceOptions(roster.command('show').description('who holds each role at each unit, now or as of an instant').argument('<planId>'))
    .option('--as-of <instant>', 'an instant with its offset, e.g. 2024-03-01T00:00:00+08:00')
    .action((planId: string, flags: ServiceFlags & { asOf?: string }) =>
      printServiceAnswer(() => callService(flags, 'GET', `/plans/${encodeURIComponent(planId)}/roster${flags.asOf ? `?asOf=${encodeURIComponent(flags.asOf)}` : ''}`)));
}

/** The service's `body.roster[3].role  message` lines → `file:line  roster[3].role  message`. */
export function locateProblems(message: string, file: string, entries: readonly ParsedRosterEntry[]): string {
  return message.replace(/^body\.(roster\[(\d+)\]\S*)/gm, (_all, path: string, index: string) => `${file}:${entries[Number(index)]?.line ?? 1}  ${path}`);
}

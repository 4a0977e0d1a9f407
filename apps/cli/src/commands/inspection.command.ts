import type { Command } from 'commander';
import { addServiceOptions, callService, printServiceAnswer, type ServiceFlags } from './service-client';

const json = (body: unknown) => ({ type: 'application/json', text: JSON.stringify(body) });
const ids = (value: string | undefined) => value?.split(',').map((s) => s.trim()).filter(Boolean);

/**
 * `planledger inspection record …` and `planledger finding record|list …` (ADR 0024): a planner
 * (or, for findings, the inspecting unit) against the running service.
 */
export function registerInspectionCommand(program: Command): void {
  const inspection = program.command('inspection').description('inspections (督查) of a running plan');
  addServiceOptions(inspection.command('record').description('record that an inspection took place: one the plan names, or an unannounced one (--by, --units)')
    .argument('<planId>').argument('<inspectionId>', 'the id under inspections: of the plan, or a new id').argument('<date>', 'the day it took place, YYYY-MM-DD in the plan zone'))
    .option('--by <unit>', 'the inspecting unit (default: the plan\'s)')
    .option('--units <id,...>', 'the units inspected (default: the plan\'s)')
    .option('--event <id>', 'the outside event marked inspection it was')
    .action((planId: string, inspectionId: string, date: string, flags: ServiceFlags & { by?: string; units?: string; event?: string }) =>
      printServiceAnswer(() => {
        const unitIds = ids(flags.units);
        const body = { inspectionId, date, ...(flags.by && { inspectingUnitId: flags.by }), ...(unitIds && unitIds.length > 0 && { unitIds }), ...(flags.event && { eventId: flags.event }) };
        return callService(flags, 'POST', `/plans/${encodeURIComponent(planId)}/inspections`, json(body));
      }),
    );
}

export function registerFindingCommands(program: Command): void {
  const finding = program.command('finding').description('findings (问题清单) of inspections: each issues a rectification (整改)');
  addServiceOptions(finding.command('record').description('record a finding for an inspected unit: its rectification is issued, reviewed by the inspecting unit')
    .argument('<planId>').argument('<inspectionId>').argument('<unitId>', 'the inspected unit').argument('<text>', 'what was found'))
    .option('--code <category>', 'a category: a later finding of the same category for the unit is marked repeated')
    .option('--repeat-of <findingId>', 'the earlier finding this one repeats')
    .option('--days <n>', 'days to rectify (default: the inspection\'s, else 30)')
    .option('--due <date>', 'or the rectification deadline (YYYY-MM-DD, end of day in the plan zone)')
    .action((planId: string, inspectionId: string, unitId: string, text: string, flags: ServiceFlags & { code?: string; repeatOf?: string; days?: string; due?: string }) =>
      printServiceAnswer(() => {
        const body = {
          unitId, text, ...(flags.code && { code: flags.code }), ...(flags.repeatOf && { repeatOf: flags.repeatOf }),
          ...(flags.days !== undefined && { rectificationDays: Number(flags.days) }), ...(flags.due && { dueDate: flags.due }),
        };
        return callService(flags, 'POST', `/plans/${encodeURIComponent(planId)}/inspections/${encodeURIComponent(inspectionId)}/findings`, json(body));
      }),
    );
  addServiceOptions(finding.command('list').description('the findings of a plan with their rectification\'s state (now, or --as-of)').argument('<planId>'))
    .option('--unit <id>', 'only this inspected unit\'s')
    .option('--as-of <date>', 'as the record stood then (business time)')
    .action((planId: string, flags: ServiceFlags & { unit?: string; asOf?: string }) =>
      printServiceAnswer(() => {
        const query = new URLSearchParams({ ...(flags.unit && { unit: flags.unit }), ...(flags.asOf && { asOf: flags.asOf, asOfBasis: 'business' }) });
        return callService(flags, 'GET', `/plans/${encodeURIComponent(planId)}/findings${query.size > 0 ? `?${query}` : ''}`);
      }),
    );
}

import { AUDIT_EXPORTED, buildPlanExport, InvalidAsOfError, loadPlanEvents, recordAuditAccess, resolveAsOf, type AsOfBasis } from '@planledger/audit';
import { cliActor } from './audit-cli-actor';
import { writePlanExport, type ExportFormat } from './audit-export-files';
import { exportProgress } from './audit-progress';
import { openAuditStorage, type AuditIo } from './audit-storage';

export interface AuditExportOptions {
  plan: string;
  format: ExportFormat;
  /** A date (end of that day in the plan's zone) or an ISO date-time; default: now. */
  asOf?: string;
  asOfBasis?: AsOfBasis;
  out?: string;
}

/**
 * `planledger audit export`: the plan's assignments as they stood at the instant and every event
 * of its streams up to then, for offline review; the export itself is recorded (AuditExported).
 */
export async function auditExport(options: AuditExportOptions, { env, stdout, stderr }: AuditIo): Promise<number> {
  const opened = await openAuditStorage(env);
  if (!opened.ok) {
    stderr.write(`audit export: ${opened.message}\n`);
    return 1;
  }
  const { storage } = opened;
  const progress = exportProgress(stderr);
  try {
    const loaded = await loadPlanEvents(storage.store, options.plan, (done, total) => progress('reading streams', done, total));
    if (!loaded) {
      progress.stop();
      stderr.write(`audit export: the store holds no plan ${options.plan}\n`);
      return 1;
    }
    const generatedAt = new Date();
    const asOf = resolveAsOf(options.asOf ?? generatedAt.toISOString(), loaded.timeZone, options.asOfBasis ?? 'recorded');
    const plan = buildPlanExport(loaded, asOf, (done, total) => progress('replaying events', done, total));
    const out = options.out ?? `${options.plan}-as-of-${asOf.instant.slice(0, 10)}.${options.format}`;
    const files = await writePlanExport(options.format, out, plan, generatedAt, progress);
    progress.stop();
    await recordAuditAccess(storage.store, {
      type: AUDIT_EXPORTED,
      actor: cliActor(env),
      subject: {
        route: 'planledger audit export', planId: options.plan, asOf: asOf.instant, asOfBasis: asOf.basis, format: options.format, files,
        rows: { assignments: plan.assignments.length, events: plan.eventRows.length },
      },
      businessTime: generatedAt,
    });
    stdout.write(`wrote ${files.join(', ')}: ${plan.assignments.length} assignments, ${plan.eventRows.length} events of ${options.plan} as of ${asOf.instant} (${asOf.basis} time)\n`);
    return 0;
  } catch (error) {
    progress.stop();
    if (error instanceof InvalidAsOfError) stderr.write(`audit export: --as-of: ${error.message}\n`);
    else stderr.write(`audit export failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await storage.close();
  }
}

import { writeFile } from 'node:fs/promises';
import { ASSIGNMENT_COLUMNS, EVENT_COLUMNS, planExportJson, toCsv, type PlanExport } from '@planledger/audit';
import { writePlanXlsx } from './audit-export-xlsx';

export type ExportFormat = 'csv' | 'json' | 'xlsx';
type Progress = (step: string, done: number, total: number) => void;

/**
 * The files one export writes. CSV has no sheets, so it writes two files side by side:
 * `<base>-assignments.csv` and `<base>-events.csv` (base = --out without its .csv).
 */
export function exportFilesOf(format: ExportFormat, out: string): string[] {
  if (format !== 'csv') return [out];
  const base = out.replace(/\.csv$/i, '');
  return [`${base}-assignments.csv`, `${base}-events.csv`];
}

export async function writePlanExport(format: ExportFormat, out: string, plan: PlanExport, generatedAt: Date, progress?: Progress): Promise<string[]> {
  const files = exportFilesOf(format, out);
  switch (format) {
    case 'xlsx':
      await writePlanXlsx(out, plan, generatedAt, progress);
      break;
    case 'json':
      await writeFile(out, `${JSON.stringify(planExportJson(plan, generatedAt), null, 2)}\n`, 'utf8');
      break;
    case 'csv':
      await writeFile(files[0], toCsv(ASSIGNMENT_COLUMNS, plan.assignments), 'utf8');
      await writeFile(files[1], toCsv(EVENT_COLUMNS, plan.eventRows), 'utf8');
      break;
  }
  return files;
}

import { Option, type Command } from 'commander';
import type { AuditExportOptions } from './audit-export.command';

const io = () => ({ env: process.env, stdout: process.stdout, stderr: process.stderr });
const STORAGE_NOTE = 'Reads DATABASE_URL, KURRENTDB_URL or PGlite under DATA_DIR (default ./data) like the service; PGlite cannot be opened while the service runs on it.';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('for auditors: prove the record intact, export it for offline review');
  audit
    .command('verify')
    .description(`walk every stream's hash chain: print the heads digest and "no broken links", or each broken link (exit 1). ${STORAGE_NOTE}`)
    .action(async () => {
      // Loaded when run: the store drivers and exceljs would slow every other command's start.
      const { auditVerify } = await import('./audit-verify.command');
      process.exitCode = await auditVerify(io());
    });
  audit
    .command('export')
    .description(`a plan's assignments as of a date and its event log, as xlsx (sheets with Chinese and English headers), csv (two files) or json. ${STORAGE_NOTE}`)
    .requiredOption('--plan <id>', 'the plan id')
    .addOption(new Option('--format <format>', 'file format').choices(['xlsx', 'csv', 'json']).default('xlsx'))
    .option('--as-of <date>', "YYYY-MM-DD (end of that day in the plan's time zone) or an ISO-8601 date-time; default now")
    .addOption(new Option('--as-of-basis <basis>', 'recorded: events the store had recorded by then; business: events whose business time is by then').choices(['recorded', 'business']).default('recorded'))
    .option('--out <file>', 'output file (csv: the base of <base>-assignments.csv and <base>-events.csv); default <plan>-as-of-<date>.<format>')
    .action(async (options: AuditExportOptions) => {
      const { auditExport } = await import('./audit-export.command');
      process.exitCode = await auditExport(options, io());
    });
}

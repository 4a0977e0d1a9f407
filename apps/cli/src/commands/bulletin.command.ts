import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  GB_FONTS, PLAIN_FONTS, defaultTitle, layoutBulletin, renderBulletinDocx, renderBulletinXlsx, sectionOf, type BulletinModel,
} from '@planledger/bulletins';
import { addServiceOptions, callService, downloadFromService, printServiceAnswer, ServiceCallError, type ServiceFlags } from './service-client';

export interface BulletinFlags extends ServiceFlags {
  plan: string;
  asOf?: string;
  asOfBasis: 'recorded' | 'business';
  phase?: string;
  period?: string;
  from?: string;
  to?: string;
  number?: string;
  numberPrefix?: string;
  title?: string;
  out?: string;
  xlsx?: string;
  issue?: boolean;
  plainFonts?: boolean;
}

interface IssuedAnswer {
  number: string;
  documents: { format: 'docx' | 'xlsx'; url: string; name: string; sha256: string }[];
}

/**
 * `planledger bulletin --plan <id> --as-of <date> [--issue] [--out file.docx] [--xlsx file.xlsx]`:
 * through the running service (ADR 0017). Without --issue the service's preview is rendered here
 * into the files asked for, marked as a draft (征求意见稿) and recorded nowhere but the audit
 * trail of the preview; with --issue the service issues it (BulletinIssued) and the files written
 * are the issued ones, byte for byte.
 */
export function registerBulletinCommand(program: Command): void {
  addServiceOptions(program.command('bulletin').description('a bulletin (通报) of a plan as of a moment: preview it, or issue it (--issue), as .docx and .xlsx'))
    .requiredOption('--plan <id>', 'the plan')
    .option('--as-of <date>', 'a date (end of that day where the plan lives) or an ISO date-time; default now (service clock)')
    .option('--as-of-basis <basis>', 'recorded (default) or business (use business under the virtual clock, e.g. the demo)', 'recorded')
    .option('--phase <id>', 'report on one phase (a theme year) instead of the whole plan')
    .option('--period <week|month>', 'report on the work due in the week (Monday to Sunday) or the calendar month of --as-of')
    .option('--from <date>', 'with --to: report on the work due in this window of dates')
    .option('--to <date>', 'the window\'s last day (included)')
    .option('--number <number>', 'document number, e.g. 连区教督〔2024〕3号 (default when issuing: the next in sequence)')
    .option('--number-prefix <prefix>', 'prefix of a generated number')
    .option('--title <title>', 'title (default 关于{phase}工作推进情况的通报)')
    .option('--out <file.docx>', 'write the Word document here')
    .option('--xlsx <file.xlsx>', 'write the workbook here')
    .option('--plain-fonts', 'ask for 宋体/仿宋/黑体 instead of 方正小标宋简体/仿宋_GB2312')
    .option('--issue', 'issue it: recorded as BulletinIssued, its number never reused')
    .action((flags: BulletinFlags) => printServiceAnswer(() => bulletin(flags)));
}

/** Previews or issues the bulletin through the service, writes the files asked for, and answers what to print. */
export async function bulletin(flags: BulletinFlags): Promise<unknown> {
  if (flags.asOfBasis !== 'recorded' && flags.asOfBasis !== 'business') throw new ServiceCallError(`--as-of-basis: "${flags.asOfBasis}" is neither recorded nor business`);
  const plan = encodeURIComponent(flags.plan);
  const window = windowOf(flags);
  if (flags.issue) {
    if (!flags.asOf) throw new ServiceCallError('--issue needs --as-of: an issued bulletin names the moment it reports on');
    const body = {
      asOf: flags.asOf, asOfBasis: flags.asOfBasis,
      period: flags.phase ? { kind: 'phase', phaseId: flags.phase } : window ? { kind: 'window', ...window } : { kind: 'plan' },
      ...(flags.number && { number: flags.number }), ...(flags.numberPrefix && { numberPrefix: flags.numberPrefix }), ...(flags.title && { title: flags.title }),
      ...(flags.plainFonts && { plainFonts: true }),
    };
    const issued = (await callService(flags, 'POST', `/plans/${plan}/bulletins`, { type: 'application/json', text: JSON.stringify(body) })) as IssuedAnswer;
    for (const [format, target] of [['docx', flags.out], ['xlsx', flags.xlsx]] as const) {
      const document = issued.documents.find((d) => d.format === format);
      if (target && document) writeFileSync(target, await downloadFromService(flags, document.url));
    }
    return issued;
  }
  const query = new URLSearchParams({ asOfBasis: flags.asOfBasis, ...(flags.asOf && { asOf: flags.asOf }), ...(flags.phase && { phase: flags.phase }), ...window });
  const model = (await callService(flags, 'GET', `/plans/${plan}/bulletins/preview?${query}`)) as BulletinModel;
  if (flags.out || flags.xlsx) {
    const layout = layoutBulletin(model, {
      issuer: model.plan.issuingAuthority.name, number: flags.number ?? '(征求意见稿,未编号)', title: flags.title ?? defaultTitle(model),
      issuedOn: model.asOf.date, addressee: '各责任单位',
    });
    if (flags.out) writeFileSync(flags.out, await renderBulletinDocx(layout, flags.plainFonts ? PLAIN_FONTS : GB_FONTS));
    if (flags.xlsx) writeFileSync(flags.xlsx, await renderBulletinXlsx(layout, { planId: model.plan.planId, asOf: model.asOf.instant, basis: model.asOf.basis }));
  }
  return { preview: true, plan: model.plan.planId, asOf: model.asOf, period: model.period, overview: sectionOf(model, 'overview')?.figures, written: [flags.out, flags.xlsx].filter(Boolean) };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The window a week's or a month's bulletin reports on: --from/--to as given, or the week (Monday
 * to Sunday) or calendar month holding the date of --as-of. Dates where the plan lives, as typed.
 */
export function windowOf(flags: Pick<BulletinFlags, 'period' | 'from' | 'to' | 'asOf' | 'phase'>): { from: string; to: string } | undefined {
  if (flags.from || flags.to) {
    if (!flags.from || !flags.to || !DATE.test(flags.from) || !DATE.test(flags.to)) throw new ServiceCallError('--from and --to go together, each a date (YYYY-MM-DD)');
    return { from: flags.from, to: flags.to };
  }
  if (!flags.period) return undefined;
  if (flags.phase) throw new ServiceCallError('--period and --phase: one or the other');
  const day = flags.asOf?.slice(0, 10);
  if (!day || !DATE.test(day)) throw new ServiceCallError('--period needs --as-of: the week or month is the one holding that date');
  const at = new Date(`${day}T00:00:00Z`);
  if (flags.period === 'week') {
    const monday = new Date(at.getTime() - ((at.getUTCDay() + 6) % 7) * 86_400_000);
    return { from: iso(monday), to: iso(new Date(monday.getTime() + 6 * 86_400_000)) };
  }
  if (flags.period === 'month') {
    return { from: iso(new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1))), to: iso(new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0))) };
  }
  throw new ServiceCallError(`--period: "${flags.period}" is neither week nor month`);
}

import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  GB_FONTS, PLAIN_FONTS, defaultTitle, layoutBulletin, renderBulletinDocx, renderBulletinXlsx, sectionOf, type BulletinModel,
} from '@planledger/bulletins';
import { addServiceOptions, callService, downloadFromService, ServiceCallError, type ServiceFlags } from './service-client';

export interface BulletinFlags extends ServiceFlags {
  plan: string;
  asOf?: string;
  asOfBasis: 'recorded' | 'business';
  phase?: string;
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
    .option('--number <number>', 'document number, e.g. 连区教督〔2024〕3号 (default when issuing: the next in sequence)')
    .option('--number-prefix <prefix>', 'prefix of a generated number')
    .option('--title <title>', 'title (default 关于{phase}工作推进情况的通报)')
    .option('--out <file.docx>', 'write the Word document here')
    .option('--xlsx <file.xlsx>', 'write the workbook here')
    .option('--plain-fonts', 'ask for 宋体/仿宋/黑体 instead of 方正小标宋简体/仿宋_GB2312')
    .option('--issue', 'issue it: recorded as BulletinIssued, its number never reused')
    .action((flags: BulletinFlags) => run(() => bulletin(flags)));
}

/** Previews or issues the bulletin through the service, writes the files asked for, and answers what to print. */
export async function bulletin(flags: BulletinFlags): Promise<unknown> {
  if (flags.asOfBasis !== 'recorded' && flags.asOfBasis !== 'business') throw new ServiceCallError(`--as-of-basis: "${flags.asOfBasis}" is neither recorded nor business`);
  const plan = encodeURIComponent(flags.plan);
  if (flags.issue) {
    if (!flags.asOf) throw new ServiceCallError('--issue needs --as-of: an issued bulletin names the moment it reports on');
    const body = {
      asOf: flags.asOf, asOfBasis: flags.asOfBasis, period: flags.phase ? { kind: 'phase', phaseId: flags.phase } : { kind: 'plan' },
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
  const query = new URLSearchParams({ asOfBasis: flags.asOfBasis, ...(flags.asOf && { asOf: flags.asOf }), ...(flags.phase && { phase: flags.phase }) });
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

function run(work: () => Promise<unknown>): Promise<void> {
  return work().then(
    (answer) => {
      process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
    },
    (error: unknown) => {
      if (!(error instanceof ServiceCallError)) throw error;
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    },
  );
}

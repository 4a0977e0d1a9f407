import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { RULE_LABELS, itemSubject, type Assessment } from '@planledger/bulletins';
import { addServiceOptions, callService, downloadFromService, printServiceAnswer, ServiceCallError, type ServiceFlags } from './service-client';

export interface AssessmentFlags extends ServiceFlags {
  asOf?: string;
  asOfBasis: 'recorded' | 'business';
  period?: string;
  xlsx?: string;
  json?: boolean;
}

/**
 * `planledger assessment <plan> [--as-of] [--period <phase|plan>] [--xlsx file] [--json]`: the
 * plan's 考核 through the running service (GET /plans/{id}/assessment): the ranking, each unit's
 * items (rule, what earned it, points), and who the rubric proposes to commend.
 */
export function registerAssessmentCommand(program: Command): void {
  addServiceOptions(program.command('assessment').argument('<plan>', 'the plan id').description('the plan\'s assessment (考核) as of a moment: ranking, items, commendations'))
    .option('--as-of <date>', 'a date (end of that day where the plan lives) or an ISO date-time; default now (service clock)')
    .option('--as-of-basis <basis>', 'recorded (default) or business (use business under the virtual clock, e.g. the demo)', 'recorded')
    .option('--period <id>', 'a phase id (theme year) or "plan"; default the phase holding --as-of')
    .option('--xlsx <file.xlsx>', 'also write the workbook (说明, 考核排名, 考核明细) here')
    .option('--json', 'print the assessment as JSON instead of a table')
    .action((plan: string, flags: AssessmentFlags) => (flags.json ? printServiceAnswer(() => assessment(plan, flags)) : printText(plan, flags)));
}

export async function assessment(plan: string, flags: AssessmentFlags): Promise<Assessment> {
  if (flags.asOfBasis !== 'recorded' && flags.asOfBasis !== 'business') throw new ServiceCallError(`--as-of-basis: "${flags.asOfBasis}" is neither recorded nor business`);
  const query = new URLSearchParams({ asOfBasis: flags.asOfBasis, ...(flags.asOf && { asOf: flags.asOf }), ...(flags.period && { period: flags.period }) });
  const path = `/plans/${encodeURIComponent(plan)}/assessment`;
  const answer = (await callService(flags, 'GET', `${path}?${query}`)) as Assessment;
  if (flags.xlsx) writeFileSync(flags.xlsx, await downloadFromService(flags, `${path}.xlsx?${query}`));
  return answer;
}

const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`);

/** The ranking and each unit's items, as a reader scans them in a terminal. */
export function assessmentText(a: Assessment): string {
  const lines = [`考核 ${a.planId} · ${a.period.name ?? '全部计划期'} · 截至 ${a.judgedAt} · 基础分 ${a.base}${a.floor !== null ? ` · 保底 ${a.floor}` : ''}${a.cap !== null ? ` · 封顶 ${a.cap}` : ''}`];
  for (const u of a.units) {
    lines.push(`${String(u.rank).padStart(3)}. ${u.name} (${u.unitId})  ${u.score}分  加${u.earned} 扣${-u.deducted}${u.boundedBy ? ` (原${u.raw}分,按${u.boundedBy === 'cap' ? '封顶' : '保底'}分计)` : ''}${u.commended ? '  ★表彰' : ''}`);
    for (const item of u.items) {
      lines.push(`       ${signed(item.points).padStart(4)}  ${RULE_LABELS[item.rule]}${item.count > 1 ? `×${item.count}` : ''}  ${itemSubject(item)}${item.limitedFrom !== undefined ? `  (已达上限,原${signed(item.limitedFrom)})` : ''}`);
    }
  }
  if (a.planWideTargets.length > 0) lines.push(`全局目标(不计入单位得分):${a.planWideTargets.map((t) => `${t.targetId}(${t.period}) ${t.status === 'met' ? '达成' : '未达成'}`).join(';')}`);
  return `${lines.join('\n')}\n`;
}

async function printText(plan: string, flags: AssessmentFlags): Promise<void> {
  try {
    process.stdout.write(assessmentText(await assessment(plan, flags)));
  } catch (error) {
    if (!(error instanceof ServiceCallError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  }
}

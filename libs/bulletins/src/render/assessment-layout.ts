import { RULE_LABELS, type Assessment, type AssessmentItem, type UnitAssessment } from '../assessment/assessment-model';
import type { LayoutTable } from './bulletin-layout';

/*
 * The assessment (考核) as paragraphs and tables, for the bulletin's section and for the
 * assessment's own workbook: the ranking with each unit's base, points gained and lost, and the
 * items that earned them, one row per item.
 */

const DECIDED_BY: Record<UnitAssessment['decidedBy'], string> = {
  first: '',
  score: '得分较低',
  deducted: '得分相同,扣分较多',
  tied: '得分、扣分均相同,并列',
};

const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`);

const boundText = (u: UnitAssessment) => (u.boundedBy === 'cap' ? `(${u.raw}分,按封顶分计)` : u.boundedBy === 'floor' ? `(${u.raw}分,按保底分计)` : '');

/** Which assignment, finding or target an item stands for, as a reader names it. */
export function itemSubject(item: AssessmentItem): string {
  const s = item.source;
  if (s.kind === 'assignment') return s.title;
  if (s.kind === 'finding') return `${s.text}${s.repeatOf ? `(重复问题,前次${s.repeatOf})` : ''}`;
  return `${s.targetId}(${s.period})`;
}

export function rubricText(a: Assessment): string {
  const bounds = [a.floor !== null ? `保底${a.floor}分` : '', a.cap !== null ? `封顶${a.cap}分` : ''].filter(Boolean).join('、');
  return `考核${a.period.name ? `(${a.period.name})` : ''}以${a.base}分为基础分,按任务办理、督查问题和目标完成情况逐项加减分${bounds ? `,${bounds}` : ''}。` +
    '按得分由高到低排名;得分相同的,扣分较少者居前;均相同的并列。';
}

export function assessmentRankingTable(a: Assessment): LayoutTable {
  return {
    sheet: '考核排名',
    header: ['名次', '单位', '基础分', '加分', '扣分', '得分', '说明'],
    rows: a.units.map((u) => [u.rank, u.name, u.base, u.earned, u.deducted, u.score, [DECIDED_BY[u.decidedBy], boundText(u)].filter(Boolean).join(';')]),
  };
}

export function assessmentItemsTable(a: Assessment): LayoutTable {
  return {
    sheet: '考核明细',
    header: ['单位', '考核项目', '对象', '次数', '分值', '说明'],
    rows: a.units.flatMap((u) =>
      u.items.map((item) => [u.name, RULE_LABELS[item.rule], itemSubject(item), item.count, signed(item.points), item.limitedFrom !== undefined ? `本项扣分已达上限(原${signed(item.limitedFrom)})` : ''])),
  };
}

export function commendationText(a: Assessment): string {
  if (a.commend === null) return '考核规则未规定表彰名额。';
  const rule = [a.commend.top !== undefined ? `排名前${a.commend.top}名` : '', a.commend.minScore !== undefined ? `得分不低于${a.commend.minScore}分` : ''].filter(Boolean).join('且');
  const named = a.units.filter((u) => u.commended);
  return named.length === 0
    ? `按考核规则(${rule}),本期暂无建议表彰的单位。`
    : `按考核规则(${rule}),建议对${named.map((u) => `${u.name}(${u.score}分)`).join('、')}予以表彰。`;
}

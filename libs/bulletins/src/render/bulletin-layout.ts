import type { LocalDate } from '@planledger/calendar';
import { dateWithWeekday, documentDate, percent } from '../model/chinese-dates';
import { assessmentItemsTable, assessmentRankingTable, commendationText, rubricText } from './assessment-layout';
import { sectionOf, type BulletinModel, type BulletinSection, type LateItem, type RankingEntry, type WorkFigures } from '../model/bulletin-model';

/*
 * The bulletin as a document, before any file format: the head (issuing body, number, title), the
 * body as headings, paragraphs and tables, and the signature. The .docx and the .xlsx are both
 * drawn from this, so the figures in the two files are the same by construction.
 */

export interface BulletinHead {
  /** 发文机关标志: the issuing body's name (with 文件 when the caller wants it). */
  issuer: string;
  /** 发文字号, e.g. 连区教督〔2024〕3号. */
  number: string;
  title: string;
  /** 成文日期: the day the bulletin is issued, where the plan lives. */
  issuedOn: LocalDate;
  /** 主送机关: whom it is addressed to. */
  addressee: string;
}

export interface LayoutTable {
  /** The sheet's name in the workbook. */
  sheet: string;
  header: string[];
  rows: (string | number)[][];
}

export type LayoutBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; table: LayoutTable };

export interface BulletinLayout {
  head: BulletinHead;
  blocks: LayoutBlock[];
  /** 落款: the issuing body and the date in words (二〇二四年五月二十日). */
  signature: { issuer: string; date: string };
}

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const DECIDED_BY: Record<RankingEntry['decidedBy'], string> = {
  first: '',
  onTimeRate: '按时办结率较低',
  overdueNow: '按时办结率相同,当前逾期较多',
  everEscalated: '按时办结率、逾期数相同,督办较多',
  assessed: '按时办结率、逾期数、督办数相同,已到期任务较少',
  tied: '各项相同,并列',
  nothingAssessed: '尚无到期或办结任务,不计按时办结率',
};

const rateText = (f: WorkFigures) => (f.onTimeRate === null ? '尚无到期或办结任务' : `按时办结率${percent(f.onTimeRate)}`);

function overviewText(f: WorkFigures, date: LocalDate, period: BulletinModel['period']): string {
  const scope = period.kind === 'window' ? `${period.name}到期的任务` : (period.name ?? '');
  return `截至${dateWithWeekday(date)},${scope}共下达任务${f.issued}项,已办结${f.accepted}项,其中按时办结${f.acceptedOnTime}项;` +
    `已到期或已办结${f.assessed}项,${rateText(f)}。正在审核${f.inReview}项,曾被退回修改${f.returned}项;` +
    `当前逾期未办结${f.overdueNow}项,其中已督办${f.escalatedNow}项${f.waivedOrCancelled > 0 ? `;另有${f.waivedOrCancelled}项已免除或撤销,不计入以上统计` : ''}。`;
}

const lateRows = (items: LateItem[]) =>
  items.map((item, i) => [
    i + 1, item.departmentName, item.title, dateWithWeekday(item.dueDate), item.daysOverdue,
    item.escalationLevel > 0 ? `${item.escalationLevel}级` : '未督办', item.escalatedTo?.name ?? '—',
  ]);
const LATE_HEADER = ['序号', '责任单位', '任务', '截止日期', '逾期天数', '督办', '督办接收单位'];

/** The sections in document order, each one numbered 一、二、… as it comes. */
function blocksOf(model: BulletinModel): LayoutBlock[] {
  const blocks: LayoutBlock[] = [];
  let n = 0;
  const heading = (text: string) => blocks.push({ kind: 'heading', text: `${ORDINALS[n++] ?? n}、${text}` });
  const paragraph = (text: string) => blocks.push({ kind: 'paragraph', text });
  const table = (t: LayoutTable) => blocks.push({ kind: 'table', table: t });

  for (const section of model.sections as BulletinSection[]) {
    switch (section.kind) {
      case 'overview':
        heading('总体情况');
        paragraph(overviewText(section.figures, model.asOf.date, model.period));
        break;
      case 'byDepartment':
        heading('各单位推进情况');
        paragraph(section.rows.length === 0 ? '截至本期,尚未向各单位下达任务。' : `各单位任务办理情况见下表(按时办结率=按时办结数÷已到期或已办结数)。`);
        table({
          sheet: '各单位', header: ['序号', '单位', '已下达', '已办结', '按时办结', '已到期或办结', '按时办结率', '当前逾期', '当前督办', '曾退回'],
          rows: section.rows.map((r, i) => [i + 1, r.name, r.issued, r.accepted, r.acceptedOnTime, r.assessed, percent(r.onTimeRate), r.overdueNow, r.escalatedNow, r.returned]),
        });
        break;
      case 'byPhase':
        if (section.rows.length === 0) break;
        heading('分阶段推进情况');
        table({
          sheet: '分阶段', header: ['阶段', '状态', '已下达', '已办结', '按时办结', '按时办结率', '当前逾期', '当前督办'],
          rows: section.rows.map((r) => [r.name, PHASE_STATUS[r.status] ?? r.status, r.issued, r.accepted, r.acceptedOnTime, percent(r.onTimeRate), r.overdueNow, r.escalatedNow]),
        });
        break;
      case 'overdue':
        heading('逾期未办结任务');
        paragraph(section.items.length === 0
          ? `截至${dateWithWeekday(model.asOf.date)},无逾期未办结任务。`
          : `截至${dateWithWeekday(model.asOf.date)},共有${section.items.length}项任务逾期未办结,涉及${new Set(section.items.map((i) => i.departmentId)).size}个单位,按逾期天数排列如下。`);
        if (section.items.length > 0) table({ sheet: '逾期', header: LATE_HEADER, rows: lateRows(section.items) });
        break;
      case 'escalated':
        if (section.items.length === 0) break;
        heading('督办事项');
        paragraph(`以下${section.items.length}项任务已逾期并督办,由督办接收单位跟踪落实。`);
        table({ sheet: '督办', header: LATE_HEADER, rows: lateRows(section.items) });
        break;
      case 'ranking':
        if (section.entries.length === 0) break;
        heading('按时办结率排名');
        paragraph('按按时办结率由高到低排列;按时办结率相同的,依次以当前逾期较少、督办较少、已到期任务较多者居前,各项均相同的并列。');
        table({
          sheet: '排名', header: ['名次', '单位', '按时办结率', '已到期或办结', '当前逾期', '曾督办', '说明'],
          rows: section.entries.map((e) => [e.rank, e.name, percent(e.onTimeRate), e.assessed, e.overdueNow, e.everEscalated, DECIDED_BY[e.decidedBy]]),
        });
        break;
      case 'targets': {
        heading('目标任务完成情况');
        const counts = (['met', 'on-track', 'at-risk', 'missed'] as const).map((s) => `${TARGET_STATUS[s]}${section.rows.filter((r) => r.status === s).length}项`).join(',');
        paragraph(`计划确定的目标任务按单位共${section.rows.length}项,其中${counts},尚未报送${section.rows.filter((r) => r.status === null).length}项。`);
        table({
          sheet: '目标', header: ['序号', '指标', '单位', '节点目标', '报送值', '状态'],
          rows: section.rows.map((r, i) => [
            i + 1, r.metric, r.unitName ?? '全局', r.milestones.map((m) => `${m.period}:${targetValueText(r, m.value, true)}`).join(';'),
            r.measurements.map((m) => `${m.period}:${targetValueText(r, m.value, false)}`).join(';') || '—', r.status === null ? '未报送' : TARGET_STATUS[r.status],
          ]),
        });
        break;
      }
      case 'commendations':
        heading('表扬建议');
        paragraph(section.departments.length === 0
          ? '本期暂无全部按时办结、无逾期、无督办的单位。'
          : `${section.departments.map((d) => d.name).join('、')}等${section.departments.length}个单位已到期任务全部按时办结,无逾期、无督办,建议予以通报表扬。`);
        break;
      case 'findings': {
        heading('督查发现问题及整改情况');
        const repeated = section.findings.filter((f) => f.repeatOf !== null).length;
        const rectified = section.findings.filter((f) => f.rectification.status === 'accepted').length;
        paragraph(`督查共发现问题${section.findings.length}个,涉及${section.byUnit.length}个单位,已整改到位${rectified}个${repeated > 0 ? `,其中屡查屡犯${repeated}个` : ''}。`);
        table({
          sheet: '督查问题', header: ['序号', '被督查单位', '问题', '督查日期', '整改期限', '整改状态', '重复'],
          rows: section.findings.map((f, i) => [
            i + 1, f.unit.name, f.text, f.inspectionDate, dateWithWeekday(f.rectification.dueDate),
            f.rectification.status === 'accepted' ? '已整改' : f.rectification.overdue ? '逾期未整改' : '整改中', f.repeatOf ? '屡查屡犯' : '',
          ]),
        });
        break;
      }
      case 'assessment':
        heading('考核排名');
        paragraph(rubricText(section.assessment));
        if (section.assessment.units.length > 0) {
          table(assessmentRankingTable(section.assessment));
          paragraph('各单位得分明细见下表。');
          table(assessmentItemsTable(section.assessment));
        }
        paragraph(commendationText(section.assessment));
        break;
    }
  }
  const overdue = sectionOf(model, 'overdue');
  if (overdue && overdue.items.length > 0) paragraph('请逾期单位抓紧办理,尽快按要求报送;已督办事项由督办接收单位跟踪落实。');
  return blocks;
}

const TARGET_STATUS: Record<'on-track' | 'at-risk' | 'met' | 'missed', string> = { 'on-track': '进展正常', 'at-risk': '有风险', met: '已达成', missed: '未达成' };

/** A milestone or value as a bulletin writes it: 90%, 12所, 2倍, 通过, 一级. */
function targetValueText(row: { kind: string; unit: string; baseline?: { value: number } }, value: number | boolean | string, milestone: boolean): string {
  if (typeof value === 'boolean') return value ? '通过' : '未通过';
  if (typeof value === 'string') return value;
  if (milestone && row.kind === 'ratio') return `基准的${value}倍(${(row.baseline?.value ?? 0) * value}${row.unit})`;
  if (milestone && row.kind === 'rising') return '逐年改善';
  return `${value}${row.unit}`;
}

const PHASE_STATUS: Record<string, string> = { scheduled: '未开始', open: '进行中', closing: '总结阶段', closed: '已结束', cancelled: '已撤销' };

/** The default title: 关于{phase}工作推进情况的通报, or 关于《plan》推进情况的通报 for the whole plan. */
export function defaultTitle(model: BulletinModel): string {
  return model.period.name ? `关于${model.period.name}工作推进情况的通报` : `关于《${model.plan.title}》推进情况的通报`;
}

export function layoutBulletin(model: BulletinModel, head: BulletinHead): BulletinLayout {
  const scope = model.period.kind === 'window' ? `${model.period.name}到期任务` : `${model.period.name ?? ''}各项任务`;
  const opening = `根据《${model.plan.title}》(${model.plan.documentNumber})要求,现将截至${dateWithWeekday(model.asOf.date)}${scope}推进情况通报如下:`;
  return {
    head,
    blocks: [{ kind: 'paragraph', text: opening }, ...blocksOf(model)],
    signature: { issuer: model.plan.issuingAuthority.name, date: documentDate(head.issuedOn) },
  };
}

/** Every table of the layout, in order (the workbook's sheets). */
export const tablesOf = (layout: BulletinLayout): LayoutTable[] => layout.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));

import ExcelJS from 'exceljs';
import type { OverdueItem } from './progress-schemas';

/** The columns of the overdue export: bilingual headers, like the CLI's audit export (apps/cli audit-export-xlsx.ts). */
const COLUMNS: { header: string; width: number; value: (item: OverdueItem) => string | number }[] = [
  { header: '计划 Plan', width: 28, value: (i) => i.planTitle },
  { header: '举措 Measure', width: 28, value: (i) => i.title },
  { header: '周期 Period', width: 12, value: (i) => i.periodKey },
  { header: '责任单位 Department', width: 22, value: (i) => i.departmentName },
  { header: '截止 Due', width: 28, value: (i) => i.dueAt },
  { header: '逾期天数 Days overdue', width: 12, value: (i) => i.daysOverdue },
  { header: '督办级别 Escalation level', width: 12, value: (i) => i.escalationLevel },
  { header: '督办接收 Escalated to', width: 22, value: (i) => i.escalatedToName ?? '' },
  { header: '状态 Status', width: 14, value: (i) => i.status },
  { header: '事项编号 Assignment', width: 44, value: (i) => i.ref },
];

/** One sheet of overdue work, with a frozen, filterable header and an "about" sheet naming the moment and the filter. */
export async function overdueWorkbook(items: readonly OverdueItem[], about: { now: string; filter: string; truncated: boolean }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'planledger';
  const sheet = workbook.addWorksheet('逾期 Overdue', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  for (const item of items) sheet.addRow(COLUMNS.map((c) => c.value(item)));
  const info = workbook.addWorksheet('说明 About');
  info.columns = [{ width: 24 }, { width: 70 }];
  info.addRows([
    ['业务时间 Business time', about.now],
    ['筛选 Filter', about.filter || '—'],
    ['行数 Rows', items.length],
    ...(about.truncated ? [['注意 Note', '仅导出前 50000 行 only the first 50,000 rows']] : []),
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

import ExcelJS from 'exceljs';
import type { Assessment } from '../assessment/assessment-model';
import { assessmentItemsTable, assessmentRankingTable, commendationText, rubricText } from './assessment-layout';

/**
 * The assessment as a workbook: 说明 (plan, period, as-of, the rule in words, the commendation
 * proposal), 考核排名 and 考核明细 — the same tables as the bulletin's section.
 */
export async function renderAssessmentXlsx(assessment: Assessment, about: { planTitle: string; asOf: string; basis: string }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = `${about.planTitle} 考核排名`;
  const info = workbook.addWorksheet('说明');
  info.columns = [{ width: 16 }, { width: 90 }];
  info.addRows([
    ['计划', about.planTitle],
    ['考核期间', assessment.period.name ?? '全部计划期'],
    ['截至', about.asOf],
    ['依据', about.basis === 'business' ? '业务时间' : '记录时间'],
    ['规则', rubricText(assessment)],
    ['表彰建议', commendationText(assessment)],
  ]);
  for (const table of [assessmentRankingTable(assessment), assessmentItemsTable(assessment)]) {
    const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.header.map((header) => ({ header, width: Math.max(10, header.length * 4) }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

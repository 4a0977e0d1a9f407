import ExcelJS from 'exceljs';
import { ASSIGNMENT_COLUMNS, EVENT_COLUMNS, cellsOf, headerOf, type ExportColumn } from './export-columns';
import type { PlanExport } from './plan-export';

type Progress = (step: string, done: number, total: number) => void;

/** One sheet of rows under a frozen bilingual header with a filter: reviewers sort and filter before anything else. */
export function addExportSheet<Row>(workbook: ExcelJS.Workbook, name: string, columns: ExportColumn<Row>[], rows: readonly Row[], progress?: Progress): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: headerOf(c), key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  rows.forEach((row, index) => {
    sheet.addRow(cellsOf(columns, row));
    if (progress && (index + 1) % 500 === 0) progress(`writing ${name}`, index + 1, rows.length);
  });
}

/** Sheet names, Chinese and English like the headers. */
export const XLSX_SHEETS = { assignments: '事项 Assignments', events: '事件 Events', about: '说明 About' } as const;

/**
 * The plan export as a workbook: the CLI writes it to a file, the api sends it as a download; both
 * from this one function, so the two never drift apart.
 */
export function planWorkbook(plan: PlanExport, generatedAt: Date, progress?: Progress): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'planledger';
  workbook.created = generatedAt;
  addExportSheet(workbook, XLSX_SHEETS.assignments, ASSIGNMENT_COLUMNS, plan.assignments, progress);
  addExportSheet(workbook, XLSX_SHEETS.events, EVENT_COLUMNS, plan.eventRows, progress);
  const about = workbook.addWorksheet(XLSX_SHEETS.about);
  about.columns = [{ width: 28 }, { width: 70 }];
  about.addRows([
    ['计划 Plan', plan.planId],
    ['标题 Title', plan.overview?.plan.title ?? ''],
    ['截至 As of', plan.asOf.instant],
    ['依据 Basis', plan.asOf.basis === 'recorded' ? '记录时间 recorded time' : '业务时间 business time'],
    ['导出时间 Generated at', generatedAt.toISOString()],
    ['事项数 Assignments', plan.assignments.length],
    ['事件数 Events', plan.eventRows.length],
  ]);
  return workbook;
}

import ExcelJS from 'exceljs';
import { tablesOf, type BulletinLayout } from './bulletin-layout';

/** The sheet that says what the workbook is: number, title, as-of, issuer, date. */
export const ABOUT_SHEET = '说明';

/**
 * The bulletin's tables as a workbook, one sheet per table with the same header and rows as the
 * Word document (both are drawn from the one layout), and a 说明 sheet naming the bulletin.
 */
export async function renderBulletinXlsx(layout: BulletinLayout, about: { planId: string; asOf: string; basis: string }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = layout.signature.issuer;
  workbook.title = layout.head.title;
  const info = workbook.addWorksheet(ABOUT_SHEET);
  info.columns = [{ width: 16 }, { width: 70 }];
  info.addRows([
    ['文号', layout.head.number],
    ['标题', layout.head.title],
    ['发文机关', layout.signature.issuer],
    ['成文日期', layout.signature.date],
    ['计划', about.planId],
    ['截至', about.asOf],
    ['依据', about.basis === 'business' ? '业务时间' : '记录时间'],
  ]);
  for (const table of tablesOf(layout)) {
    const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.header.map((header) => ({ header, width: Math.max(10, header.length * 3) }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

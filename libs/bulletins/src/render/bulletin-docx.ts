import {
  AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType,
} from 'docx';
import type { BulletinLayout, LayoutTable } from './bulletin-layout';

/**
 * Font names the document asks for, by role. Word uses them when installed and substitutes
 * otherwise; `plainFonts` gives the names every Chinese Windows has (宋体, 仿宋, 黑体, 楷体).
 */
export interface BulletinFonts {
  /** 发文机关标志 and the title: 方正小标宋简体. */
  title: string;
  /** Body text and tables: 仿宋_GB2312. */
  body: string;
  /** First-level headings (一、): 黑体. */
  heading: string;
}

export const GB_FONTS: BulletinFonts = { title: '方正小标宋简体', body: '仿宋_GB2312', heading: '黑体' };
export const PLAIN_FONTS: BulletinFonts = { title: '宋体', body: '仿宋', heading: '黑体' };

const RED = 'FF0000';
/** Sizes in half-points: 2号 22pt, 3号 16pt, 4号 14pt; the issuing body's mark at 36pt. */
const SIZE = { mark: 72, title: 44, body: 32, table: 24 } as const;
/** Millimetres to twips (1/1440 inch). */
const mm = (x: number): number => Math.round((x * 1440) / 25.4);
/** A body line: fixed 28 pt, 22 lines to a page as GB/T 9704 sets. */
const LINE = { line: 560, lineRule: LineRuleType.EXACT } as const;

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });

/**
 * The bulletin as a Word document laid out as Chinese official documents are (GB/T 9704 in
 * spirit): A4 with the standard margins, the red issuing-body mark, the document number, a red
 * rule, the title in 2号 小标宋, the addressee, body text in 3号 仿宋 indented two characters,
 * headings in 黑体, the tables, and the issuing body with the date in words at the foot.
 */
export async function renderBulletinDocx(layout: BulletinLayout, fonts: BulletinFonts = GB_FONTS): Promise<Buffer> {
  const run = (text: string, options: { fontName?: string; size?: number; bold?: boolean; color?: string } = {}) =>
    new TextRun({ text, font: font(options.fontName ?? fonts.body), size: options.size ?? SIZE.body, bold: options.bold, color: options.color });
  const body = (text: string) => new Paragraph({ children: [run(text)], spacing: LINE, indent: { firstLine: SIZE.body * 20 }, alignment: AlignmentType.JUSTIFIED });

  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(layout.head.issuer, { fontName: fonts.title, size: SIZE.mark, color: RED })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER, spacing: { after: 120 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 6 } },
      children: [run(layout.head.number)],
    }),
    new Paragraph({ spacing: LINE, children: [] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT }, children: [run(layout.head.title, { fontName: fonts.title, size: SIZE.title })] }),
    new Paragraph({ spacing: LINE, children: [] }),
    new Paragraph({ spacing: LINE, children: [run(`${layout.head.addressee}:`)] }),
  ];
  for (const block of layout.blocks) {
    if (block.kind === 'heading') children.push(new Paragraph({ spacing: LINE, indent: { firstLine: SIZE.body * 20 }, children: [run(block.text, { fontName: fonts.heading })] }));
    else if (block.kind === 'paragraph') children.push(body(block.text));
    else children.push(tableOf(block.table, fonts), new Paragraph({ spacing: LINE, children: [] }));
  }
  children.push(
    new Paragraph({ spacing: LINE, children: [] }),
    new Paragraph({ spacing: LINE, alignment: AlignmentType.RIGHT, indent: { right: SIZE.body * 40 }, children: [run(layout.signature.issuer)] }),
    new Paragraph({ spacing: LINE, alignment: AlignmentType.RIGHT, indent: { right: SIZE.body * 40 }, children: [run(layout.signature.date)] }),
  );

  const document = new Document({
    creator: layout.signature.issuer,
    title: layout.head.title,
    subject: layout.head.number,
    styles: { default: { document: { run: { font: font(fonts.body), size: SIZE.body } } } },
    sections: [{
      properties: { page: { size: { width: mm(210), height: mm(297) }, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } } },
      children,
    }],
  });
  return Packer.toBuffer(document);
}

function tableOf(table: LayoutTable, fonts: BulletinFonts): Table {
  const cell = (text: string | number, header: boolean) =>
    new TableCell({
      verticalAlign: VerticalAlign.CENTER,
      children: [new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: String(text), font: font(header ? fonts.heading : fonts.body), size: SIZE.table })],
      })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: table.header.map((h) => cell(h, true)) }),
      ...table.rows.map((row) => new TableRow({ children: row.map((value) => cell(value, false)) })),
    ],
  });
}

import { cellsOf, headerOf, type ExportColumn } from './export-columns';

const quote = (cell: string | number | null): string => {
  if (cell === null) return '';
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * RFC 4180 CSV with CRLF line ends and a UTF-8 byte-order mark: without the mark, Excel on a
 * Chinese Windows reads the headers as GBK and shows mojibake.
 */
export function toCsv<Row>(columns: ExportColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => quote(headerOf(c))).join(',')];
  for (const row of rows) lines.push(cellsOf(columns, row).map(quote).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { loadPlanEvents, type PlanEvents } from '@planledger/audit';
import { PLAN_ID, day } from '@planledger/domain/testing';
import { CommandExecutor } from '@planledger/engine';
import type { EventStore } from '@planledger/event-store';
import { openFreshPgliteStore } from '@planledger/event-store/testing';
import { documentDate, windowName } from '../model/chinese-dates';
import { renderBulletin } from '../issue/issue-bulletin';
import { knownHistory } from '../testing/known-history';
import { ABOUT_SHEET } from './bulletin-xlsx';

/** The visible text of word/document.xml: paragraphs as lines, table rows as cells joined by `|`. */
function textOf(xml: string): { paragraphs: string[]; rows: string[][] } {
  const texts = (fragment: string) => [...fragment.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) => [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => texts(cell[0])));
  const paragraphs = [...xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '').matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => texts(p[0])).filter((t) => t !== '');
  return { paragraphs, rows };
}

describe('bulletin documents read back', () => {
  let store: EventStore;
  let loaded: PlanEvents;
  beforeAll(async () => {
    store = await openFreshPgliteStore();
    const executor = new CommandExecutor(store);
    for (const { target, command } of knownHistory().steps) {
      const result = await executor.execute(target, command);
      if (!result.ok) throw new Error(`${command.type}: ${result.error.message}`);
    }
    loaded = (await loadPlanEvents(store, PLAN_ID))!;
  }, 120_000);
  afterAll(() => store?.close());

  const render = () => renderBulletin(loaded, { asOf: { instant: day(10), basis: 'business', requested: '2022-03-15' }, number: '連區教督〔2022〕3号' }, new Date('2022-03-16T02:00:00Z'));

  it('given the known history, when rendered as .docx, then the file opens and holds the head, the figures and the department table', async () => {
    const { docx } = await render();
    const zip = await JSZip.loadAsync(docx);
    const xml = await zip.file('word/document.xml')!.async('string');
    const { paragraphs, rows } = textOf(xml);
    expect(paragraphs.slice(0, 4)).toEqual(['連云區教育局', '連區教督〔2022〕3号', '关于《連云區教育教學質量提升三年行動計劃(2021—2024年)》推进情况的通报', '各责任单位:']);
    expect(paragraphs).toContain('一、总体情况');
    expect(paragraphs.join('\n')).toContain('截至2022年3月15日(星期二),共下达任务6项,已办结4项,其中按时办结3项;已到期或已办结5项,按时办结率60.0%');
    expect(paragraphs.join('\n')).toContain('丙小学等1个单位已到期任务全部按时办结');
    expect(paragraphs.slice(-2)).toEqual(['連云區教育局', '二〇二二年三月十六日']);
    // The department table: header, then one row per school with its figures.
    expect(rows).toContainEqual(['序号', '单位', '已下达', '已办结', '按时办结', '已到期或办结', '按时办结率', '当前逾期', '当前督办', '曾退回']);
    expect(rows).toContainEqual(['1', '甲小学', '2', '2', '1', '2', '50.0%', '0', '0', '1']);
    expect(rows).toContainEqual(['2', '乙小学', '3', '1', '1', '2', '50.0%', '1', '1', '0']);
    expect(rows).toContainEqual(['3', '丙小学', '1', '1', '1', '1', '100.0%', '0', '0', '0']);
    // The overdue list: deadline in Shanghai with its weekday, ten days, level 1, the receiver.
    expect(rows).toContainEqual(['1', '乙小学', '任务m3', '2022年3月5日(星期六)', '10', '1级', '领导小组办公室']);
    // Official-document layout: A4, the red mark and rule, the fonts by name.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('w:color w:val="FF0000"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
  });

  it('when rendered as .xlsx, then the workbook has the same tables with the same figures', async () => {
    const { xlsx, layout } = await render();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([ABOUT_SHEET, '各单位', '分阶段', '逾期', '督办', '排名']);
    const values = (name: string) => workbook.getWorksheet(name)!.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
    expect(values(ABOUT_SHEET)[0]).toEqual(['文号', '連區教督〔2022〕3号']);
    expect(values(ABOUT_SHEET)[3]).toEqual(['成文日期', documentDate('2022-03-16')]);
    expect(values('各单位')).toEqual([
      ['序号', '单位', '已下达', '已办结', '按时办结', '已到期或办结', '按时办结率', '当前逾期', '当前督办', '曾退回'],
      [1, '甲小学', 2, 2, 1, 2, '50.0%', 0, 0, 1],
      [2, '乙小学', 3, 1, 1, 2, '50.0%', 1, 1, 0],
      [3, '丙小学', 1, 1, 1, 1, '100.0%', 0, 0, 0],
    ]);
    expect(values('排名').slice(1).map((r) => [r[0], r[1], r[6]])).toEqual([[1, '丙小学', ''], [2, '甲小学', '按时办结率较低'], [3, '乙小学', '按时办结率相同,当前逾期较多']]);
    expect(layout.head.number).toBe('連區教督〔2022〕3号');
  });

  it('names windows as titles do', () => {
    expect(windowName('2024-05-01', '2024-05-31')).toBe('2024年5月');
    expect(windowName('2024-02-01', '2024-02-29')).toBe('2024年2月');
    expect(windowName('2024-05-13', '2024-05-19')).toBe('2024年5月13日至19日');
    expect(windowName('2024-04-29', '2024-05-05')).toBe('2024年4月29日至5月5日');
    expect(windowName('2023-12-25', '2024-01-07')).toBe('2023年12月25日至2024年1月7日');
  });

  it('writes document dates as GB/T 9704 does', () => {
    expect(documentDate('2024-05-20')).toBe('二〇二四年五月二十日');
    expect(documentDate('2023-10-01')).toBe('二〇二三年十月一日');
    expect(documentDate('2021-12-31')).toBe('二〇二一年十二月三十一日');
  });
});

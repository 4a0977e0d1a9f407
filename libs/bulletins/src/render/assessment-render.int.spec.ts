import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { loadPlanEvents, type PlanEvents } from '@planledger/audit';
import type { AssessmentRubric } from '@planledger/domain';
import { PLAN_ID, day } from '@planledger/domain/testing';
import { CommandExecutor } from '@planledger/engine';
import type { EventStore } from '@planledger/event-store';
import { openFreshPgliteStore } from '@planledger/event-store/testing';
import { buildAssessment } from '../assessment/build-assessment';
import { renderBulletin } from '../issue/issue-bulletin';
import { sectionOf } from '../model/bulletin-model';
import { knownHistory } from '../testing/known-history';
import { renderAssessmentXlsx } from './assessment-xlsx';

/*
 * The known history (testing/known-history.ts) with a plain rubric, no targets or findings:
 * base 100, +2 per piece accepted on time, −1 accepted late, −3 overdue, −2 escalated, −1 per
 * return; commend the first by rank. Mobilisation phase, as of 2022-03-15:
 * - 丙小学 (school-c): m6 on time → 102;
 * - 甲小学 (school-a): m1 on time +2, m2 late −1, m2 returned −1 → 100;
 * - 乙小学 (school-b): m5 on time +2, m3 overdue −3, escalated −2 → 97.
 */
const rubric: AssessmentRubric = {
  periods: 'phase', base: 100, commend: { top: 1 },
  rules: { acceptedOnTime: { points: 2 }, acceptedLate: { points: -1 }, overdue: { points: -3 }, escalated: { points: -2 }, returned: { points: -1 } },
};

const cellsOf = (xml: string) => {
  const texts = (fragment: string) => [...fragment.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) => [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => texts(cell[0])));
};

describe('the assessment in the bulletin and in its own workbook', () => {
  let store: EventStore;
  let loaded: PlanEvents;
  beforeAll(async () => {
    store = await openFreshPgliteStore();
    const executor = new CommandExecutor(store);
    for (const { target, command } of knownHistory({ assessment: rubric }).steps) {
      const result = await executor.execute(target, command);
      if (!result.ok) throw new Error(`${command.type}: ${result.error.message}`);
    }
    loaded = (await loadPlanEvents(store, PLAN_ID))!;
  }, 120_000);
  afterAll(() => store?.close());

  const asOf = { instant: day(10), basis: 'business' as const, requested: '2022-03-15' };

  it('given a plan with a rubric, then the bulletin model carries the assessment after the sections it had', async () => {
    const { model } = await renderBulletin(loaded, { asOf, number: '連區教督〔2022〕3号' }, new Date('2022-03-16T02:00:00Z'));
    expect(model.sections.map((s) => s.kind)).toEqual(['overview', 'byDepartment', 'byPhase', 'overdue', 'escalated', 'ranking', 'commendations', 'assessment']);
    expect(sectionOf(model, 'assessment')!.assessment.units.map((u) => [u.rank, u.unitId, u.score, u.commended])).toEqual([
      [1, 'school-c', 102, true], [2, 'school-a', 100, false], [3, 'school-b', 97, false],
    ]);
  });

  it('then the .docx has the 考核排名 heading, the ranking and the items, and names whom to commend', async () => {
    const { docx } = await renderBulletin(loaded, { asOf, number: '連區教督〔2022〕3号' }, new Date('2022-03-16T02:00:00Z'));
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    expect(xml).toContain('八、考核排名');
    const rows = cellsOf(xml);
    expect(rows).toContainEqual(['名次', '单位', '基础分', '加分', '扣分', '得分', '说明']);
    expect(rows).toContainEqual(['1', '丙小学', '100', '2', '0', '102', '']);
    expect(rows).toContainEqual(['2', '甲小学', '100', '2', '-2', '100', '得分较低']);
    expect(rows).toContainEqual(['3', '乙小学', '100', '2', '-5', '97', '得分较低']);
    expect(rows).toContainEqual(['甲小学', '退回修改', '任务m2', '1', '-1', '']);
    expect(rows).toContainEqual(['乙小学', '逾期未办结', '任务m3', '1', '-3', '']);
    expect(xml).toContain('按考核规则(排名前1名),建议对丙小学(102分)予以表彰。');
  });

  it('then the assessment workbook has the same ranking and one row per item', async () => {
    const assessment = buildAssessment(PLAN_ID, loaded.events, asOf);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderAssessmentXlsx(assessment, { planTitle: '计划', asOf: asOf.instant, basis: 'business' })) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['说明', '考核排名', '考核明细']);
    const values = (sheet: string) => workbook.getWorksheet(sheet)!.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
    expect(values('考核排名')).toEqual([
      ['名次', '单位', '基础分', '加分', '扣分', '得分', '说明'],
      [1, '丙小学', 100, 2, 0, 102, ''], [2, '甲小学', 100, 2, -2, 100, '得分较低'], [3, '乙小学', 100, 2, -5, 97, '得分较低'],
    ]);
    // 丙: 1 item; 甲: m1, m2 late, m2 returned; 乙: m3 overdue, m3 escalated, m5 → 7 rows and the header.
    expect(values('考核明细')).toHaveLength(8);
  });
});

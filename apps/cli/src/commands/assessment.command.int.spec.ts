import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { AssessmentRubric } from '@planledger/domain';
import { knownHistory } from '@planledger/bulletins/testing';
import { PLAN_ID } from '@planledger/domain/testing';
import { startApiTestApp, type ApiTestApp } from '@planledger/api/testing';
import { assessment, assessmentText } from './assessment.command';

/*
 * `planledger assessment` against a running api, on the known history with a plain rubric (base
 * 100, +2 on time, −1 late, −3 overdue, −2 escalated, −1 per return, commend the first):
 * mobilisation phase as of 2022-03-15 — 丙小学 102, 甲小学 100, 乙小学 97.
 */
const rubric: AssessmentRubric = {
  periods: 'phase', base: 100, commend: { top: 1 },
  rules: { acceptedOnTime: { points: 2 }, acceptedLate: { points: -1 }, overdue: { points: -3 }, escalated: { points: -2 }, returned: { points: -1 } },
};

describe('planledger assessment', () => {
  let api: ApiTestApp;
  let token: string;
  const dir = mkdtempSync(join(tmpdir(), 'planledger-assessment-cli-'));
  beforeAll(async () => {
    api = await startApiTestApp({ now: new Date('2022-03-16T02:00:00Z') });
    token = (await api.authAs({ subject: 'wang.office', roles: ['planner'] })).authorization.slice(7);
    for (const { target, command } of knownHistory({ assessment: rubric }).steps) {
      const result = await api.executor.execute(target, command);
      if (!result.ok) throw new Error(`${command.type}: ${result.error.message}`);
    }
  }, 120_000);
  afterAll(async () => {
    await api?.close();
  });

  it('prints the ranking with each unit\'s items, and writes the workbook asked for', async () => {
    const xlsx = join(dir, 'assessment.xlsx');
    const answer = await assessment(PLAN_ID, { url: api.url, token, asOf: '2022-03-15', asOfBasis: 'business', xlsx });
    const text = assessmentText(answer);
    expect(text.split('\n').slice(0, 3)).toEqual([
      expect.stringContaining('考核 lianyun-2021 · 动员阶段'),
      '  1. 丙小学 (school-c)  102分  加2 扣0  ★表彰',
      '         +2  按时办结  任务m6',
    ]);
    expect(text).toContain('  3. 乙小学 (school-b)  97分  加2 扣5');
    expect(text).toContain('         -3  逾期未办结  任务m3');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('考核排名')!.getRow(4).getCell(2).value).toBe('乙小学');
  });

  it('says what is wrong with an unknown period, as the service names it', async () => {
    await expect(assessment(PLAN_ID, { url: api.url, token, asOfBasis: 'business', period: 'norm-year' })).rejects.toThrow(/norm-year/);
  });
});

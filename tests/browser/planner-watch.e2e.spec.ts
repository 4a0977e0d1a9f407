import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { expectOk } from '../service/support/http';
import { expectAccessible, openPage, personWithPassword, reloadUntil, signIn, snap, startWebHarness, type WebHarness } from './support/web-harness';

/**
 * The planners' watching pages in Debian's Chromium against the real service (PGlite, the virtual
 * clock), on the Lianyun plan a week past the school plans' deadline: the plan list, the plan page
 * (timeline zoomed to a month, the progress matrix, a cell's assignments and one of their pages),
 * the overdue list and its xlsx; then a school head, who sees no plan pages and only their own
 * overdue work.
 */
jest.setTimeout(240_000);

const PLAN = 'lianyun-quality-2021-2024';
const yaml = readFileSync(join(__dirname, '../../workflows/lianyun-quality-2021-2024.yaml'), 'utf8');
const PLANNER = { id: 'wang.planner', name: '王规划', roles: ['planner'], departments: [] };
const HEAD = { id: 'zhou.xugou', name: '周墟沟', roles: ['department_head'], departments: ['xugou-primary'] };
const PASSWORD = 'Spring-Rain-Over-Lianyun-7';

let harness: WebHarness;
const pageFor = (): Promise<Page> => openPage(harness);

beforeAll(async () => {
  harness = await startWebHarness({ clockStart: '2021-08-30T09:00:00+08:00' });
  expectOk(await harness.api('POST', '/plans', yaml), 'import');
  expectOk(await harness.api('POST', `/plans/${PLAN}/publish`), 'publish');
  // A week past the school plans' deadline (2022-01-17): overdue, and escalated after 3 days.
  expectOk(await harness.api('POST', '/admin/clock', { set: '2022-01-24T09:00:00+08:00' }), 'advance the clock');
  for (const person of [PLANNER, HEAD]) await personWithPassword(harness, person, PASSWORD);
}, 300_000);

afterAll(async () => {
  await harness?.close();
});

describe('a planner watches the plan', () => {
  let page: Page;

  beforeAll(async () => {
    page = await pageFor();
    await signIn(page, PLANNER.id, PASSWORD);
    await page.getByTestId('nav-plans').waitFor();
  });

  it('sees every plan with its current phase, progress and escalations', async () => {
    await page.getByTestId('nav-plans').click();
    // The read models follow the store: wait until the escalations of the overdue school plans show.
    await reloadUntil(page, '[data-testid="plans-ready"] tbody', /規范年[\s\S]*已验收 [\d.]+% · 按期 [\d.]+% · 逾期 [1-9]/, 60);
    const row = page.locator('[data-testid="plans-ready"] tbody tr').first();
    await expectAccessible(page, 'the plan list');
    await snap(page, 'planner-plans');
    await row.getByTestId('plan-link').click();
  });

  it('sees the timeline and the matrix, zooms to a month, and opens the work behind an overdue cell', async () => {
    if (!page.url().includes(`/app/plans/${PLAN}`)) await page.goto(`/app/plans/${PLAN}`);
    await page.getByTestId('timeline-ready').waitFor();
    await page.getByTestId('matrix-ready').waitFor();
    await page.getByTestId('charts').waitFor();
    // Most overdue first: the first department's row holds late work.
    const worst = page.locator('.matrix tbody tr').first().locator('[data-testid="matrix-cell"][data-state="escalated"], [data-testid="matrix-cell"][data-state="overdue"]').first();
    await worst.waitFor();
    await expectAccessible(page, 'the plan page');
    await snap(page, 'planner-plan');
    await page.getByTestId('timeline-zoom').getByText('一个月').click();
    await page.getByTestId('timeline').scrollIntoViewIfNeeded();
    await snap(page, 'planner-plan-timeline-month');
    await page.getByTestId('matrix').scrollIntoViewIfNeeded();
    await snap(page, 'planner-plan-matrix');
    await worst.click();
    const link = page.getByTestId('cell-assignment-link').first();
    await link.waitFor();
    await expectAccessible(page, 'a matrix cell\'s assignments');
    await snap(page, 'planner-plan-cell');
    await link.click();
    await page.getByTestId('measure-title').waitFor();
    expect(page.url()).toContain(`/app/assignments/${PLAN}.`);
    // A published plan is amended from its own page.
    await page.goBack();
    await page.getByTestId('plan-amend').click();
    await page.getByTestId('amend-page').waitFor();
    expect(await page.getByTestId('amend-plan-id').textContent()).toBe(PLAN);
  });

  it('lists overdue work across plans with the escalation receiver, and exports it to xlsx', async () => {
    await page.getByTestId('nav-overdue').click();
    await page.getByTestId('overdue-ready').waitFor();
    await reloadUntil(page, '[data-testid="overdue-ready"] tbody', '領導小組辦公室', 30);
    await expectAccessible(page, 'the overdue list');
    await snap(page, 'planner-overdue');
    const total = Number(/\d+/.exec((await page.getByText(/^共 \d+ 项$/).textContent()) ?? '')![0]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('overdue-export').click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    expect(workbook.worksheets[0].rowCount - 1).toBe(total);
  });
  it('issues a bulletin (通报) from the plan page and downloads its Word document', async () => {
    await page.goto(`/app/plans/${PLAN}`);
    const bulletins = page.getByTestId('plan-bulletins');
    await bulletins.waitFor();
    await bulletins.locator('.ant-picker input').click();
    await bulletins.locator('.ant-picker input').fill('2022-01-24');
    await bulletins.locator('.ant-picker input').press('Enter');
    await bulletins.getByTestId('bulletins-issue').click();
    const row = bulletins.locator('tbody tr', { hasText: '連區教督〔2022〕1号' });
    await row.waitFor();
    await expectAccessible(page, 'the plan page with its bulletins');
    await bulletins.scrollIntoViewIfNeeded();
    await snap(page, 'planner-plan-bulletins');
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByText('Word').click()]);
    const xml = await (await JSZip.loadAsync(readFileSync((await download.path())!))).file('word/document.xml')!.async('string');
    expect(xml).toContain('連區教督〔2022〕1号');
    expect(xml).toContain('2022年1月24日');
  });

  it('sees the 考核排名 of the norm year and opens a school to the items that earned or cost it points', async () => {
    await page.goto(`/app/plans/${PLAN}`);
    const assessment = page.getByTestId('plan-assessment');
    await assessment.waitFor();
    // All twelve schools are assessed (units: [all-schools]); the school plans are overdue, so scores are below 100.
    await assessment.locator('tbody tr.ant-table-row-level-0', { hasText: '墟溝' }).first().waitFor();
    expect(await assessment.locator('tbody tr.ant-table-row-level-0').count()).toBe(12);
    await assessment.locator('tbody tr.ant-table-row-level-0').first().locator('.ant-table-row-expand-icon').click();
    await assessment.getByText('逾期未办结').first().waitFor();
    await expectAccessible(page, 'the plan page with its assessment ranking');
    await assessment.scrollIntoViewIfNeeded();
    await snap(page, 'planner-plan-assessment');
  });
});

describe('a school head', () => {
  it('has no plan pages (403) and sees only their own overdue work', async () => {
    const page = await pageFor();
    await signIn(page, HEAD.id, PASSWORD);
    await page.getByTestId('nav-overdue').waitFor();
    expect(await page.getByTestId('nav-plans').count()).toBe(0);
    await page.goto(`/app/plans/${PLAN}`);
    await page.getByTestId('forbidden').waitFor();
    await page.goto('/app/overdue');
    await page.getByTestId('overdue-ready').waitFor();
    const departments = await page.locator('[data-testid="overdue-ready"] tbody tr td:nth-child(3)').allTextContents();
    expect(departments.length).toBeGreaterThan(0);
    expect(new Set(departments)).toEqual(new Set([departments[0]]));
    await snap(page, 'head-overdue');
  });
});

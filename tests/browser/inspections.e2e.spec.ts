import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expectOk } from '../service/support/http';
import { expectAccessible, openPage, personWithPassword, reloadUntil, signIn, snap, startWebHarness, type WebHarness } from './support/web-harness';

/**
 * Inspections in Debian's Chromium against the real service (PGlite, the virtual clock), ADR 0024:
 * a planner records the spring inspection and two findings from the plan page's 督查问题 section;
 * each finding's rectification shows on the plan page per unit; the school's rectification page
 * shows the finding it answers; a later finding of the same category shows as 屡查屡犯.
 */
jest.setTimeout(240_000);

const PLAN = 'example-inspections';
const yaml = readFileSync(join(__dirname, '../../workflows/examples/inspections.yaml'), 'utf8');
const PLANNER = { id: 'li.planner', name: '李规划', roles: ['planner'], departments: [] };
const PASSWORD = 'Spring-Rain-Over-Lianyun-7';

let harness: WebHarness;
let page: Page;

beforeAll(async () => {
  harness = await startWebHarness({ clockStart: '2023-08-28T09:00:00+08:00' });
  expectOk(await harness.api('POST', '/plans', yaml), 'import');
  expectOk(await harness.api('POST', `/plans/${PLAN}/publish`), 'publish');
  expectOk(await harness.api('POST', '/admin/clock', { set: '2024-03-12T16:00:00+08:00' }), 'the day of the spring inspection');
  await personWithPassword(harness, PLANNER, PASSWORD);
  page = await openPage(harness);
  await signIn(page, PLANNER.id, PASSWORD);
}, 300_000);

afterAll(async () => {
  await harness?.close();
});

describe('a planner records an inspection and its findings', () => {
  it('records the planned inspection and two findings from the plan page', async () => {
    await page.goto(`/app/plans/${PLAN}`);
    const section = page.getByTestId('plan-findings');
    await section.waitFor();
    await section.getByText('尚未登记督查问题').waitFor();
    const inspection = page.getByTestId('record-inspection');
    await inspection.getByLabel('督查编号').fill('spring-check');
    await inspection.getByLabel('日期 YYYY-MM-DD').fill('2024-03-12');
    await inspection.getByRole('button', { name: '登记督查' }).click();
    await page.getByText('已登记督查 spring-check').waitFor();
    const finding = page.getByTestId('record-finding');
    for (const [unit, text, code] of [['school-a', '作业公示制度落实不到位', 'homework'], ['school-b', '课后服务台账不全', '']]) {
      await finding.getByLabel('单位编号').fill(unit);
      await finding.getByLabel('问题', { exact: true }).fill(text);
      await finding.getByLabel('类别(可选)').fill(code);
      await finding.getByRole('button', { name: '登记问题' }).click();
      await page.getByText(`${text}`).first().waitFor();
    }
    await reloadUntil(page, '[data-testid="findings-list"]', /课后服务台账不全[\s\S]*整改中/, 30);
    const list = page.getByTestId('findings-list');
    expect(await list.locator('tbody tr').count()).toBe(2);
    expect(await list.textContent()).toContain('2024年4月11日 星期四');
    await section.scrollIntoViewIfNeeded();
    // The pointer off the buttons: a hovered button's lighter blue is not what the page shows at rest.
    await page.mouse.move(0, 0);
    await expectAccessible(page, 'the plan page with findings');
    await snap(page, 'inspections-plan-findings');
  });

  it('opens a rectification: the finding, its inspection and the inspecting unit show on the assignment page', async () => {
    await page.getByTestId('findings-list').getByText('查看整改').first().click();
    await page.getByTestId('measure-title').waitFor();
    const shown = page.getByTestId('rectification-finding');
    await shown.waitFor();
    expect(await shown.textContent()).toContain('作业公示制度落实不到位');
    expect(await shown.textContent()).toContain('区政府教育督导室');
    expect(await page.getByTestId('review-chain').textContent()).toContain('区政府教育督导室');
    await snap(page, 'inspections-rectification');
  });

  it('a later unannounced inspection\'s finding of the same category shows as 屡查屡犯', async () => {
    expectOk(await harness.api('POST', '/admin/clock', { set: '2024-05-15T16:00:00+08:00' }), 'the day of the walk');
    expectOk(await harness.api('POST', `/plans/${PLAN}/inspections`, { inspectionId: 'walk', date: '2024-05-15', inspectingUnitId: 'supervision', unitIds: ['school-a'] }), 'walk');
    expectOk(await harness.api('POST', `/plans/${PLAN}/inspections/walk/findings`, { unitId: 'school-a', text: '作业总量仍然超标', code: 'homework', rectificationDays: 15 }), 'repeat');
    await page.goto(`/app/plans/${PLAN}`);
    await reloadUntil(page, '[data-testid="findings-list"]', /作业总量仍然超标[\s\S]*屡查屡犯/, 30);
    // 第一中学 was silent: its rectification is past its deadline (11 April).
    expect(await page.getByTestId('findings-list').textContent()).toContain('逾期未整改');
    await page.getByTestId('plan-findings').scrollIntoViewIfNeeded();
    await expectAccessible(page, 'the plan page with a repeated finding');
    await snap(page, 'inspections-repeated');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expectOk } from '../service/support/http';
import { expectAccessible, openPage, personWithPassword, reloadUntil, signIn, snap, startWebHarness, type WebHarness } from './support/web-harness';

/**
 * Targets in the browser (ADR 0023), on workflows/examples/targets.yaml in Debian's Chromium
 * against the real service under the virtual clock: the bureau office's head opens the 2022
 * reporting assignment for 毛入园率, gives the value in the submit form and submits; a planner
 * records two more values; the plan page's 目标 section shows the statuses and the values.
 */
jest.setTimeout(240_000);

const PLAN = 'example-targets';
const yaml = readFileSync(join(__dirname, '../../workflows/examples/targets.yaml'), 'utf8');
const PLANNER = { id: 'li.planner', name: '李规划', roles: ['planner'], departments: [] };
const HEAD = { id: 'chen.office', name: '陈主任', roles: ['department_head'], departments: ['bureau-office'] };
const PASSWORD = 'Autumn-Wind-Over-The-County-9';
const REPORT = `${PLAN}.enrolment.bureau-office.2022`;

let harness: WebHarness;

beforeAll(async () => {
  harness = await startWebHarness({ clockStart: '2022-08-29T09:00:00+08:00' });
  expectOk(await harness.api('POST', '/plans', yaml), 'import');
  expectOk(await harness.api('POST', `/plans/${PLAN}/publish`), 'publish');
  // The 2022 reports were issued on 31 October, due 30 November.
  expectOk(await harness.api('POST', '/admin/clock', { set: '2022-11-20T09:00:00+08:00' }), 'advance the clock');
  for (const person of [PLANNER, HEAD]) await personWithPassword(harness, person, PASSWORD);
}, 300_000);

afterAll(async () => {
  await harness?.close();
});

describe('targets on the pages', () => {
  it('the office head submits the 2022 enrolment report with its value', async () => {
    const head: Page = await openPage(harness);
    await signIn(head, HEAD.id, PASSWORD);
    await head.getByRole('heading', { name: '我的待办' }).waitFor();
    await head.goto(`/app/assignments/${encodeURIComponent(REPORT)}`);
    await head.getByTestId('measure-title').waitFor();
    const value = head.getByTestId('submit-value');
    await value.waitFor();
    // Submitting without the value is refused by the form.
    await expectAccessible(head, 'a reporting assignment');
    await head.getByTestId('action-submit').click();
    await head.getByText('请填写报送值').waitFor();
    await value.fill('86.5');
    await head.getByTestId('submit-note').fill('附2022年学前教育统计表。');
    await snap(head, 'targets-report-value');
    await head.getByTestId('action-submit').click();
    await head.locator('[data-testid="status-tag"][data-status="submitted"]').first().waitFor();
  });

  it('a planner sees the 目标 section: statuses, values against milestones, a line for a numeric target', async () => {
    expectOk(await harness.api('POST', `/plans/${PLAN}/measurements`, { targetId: 'safety', unitId: 'school-b', period: '2022', value: 1 }), 'safety');
    expectOk(await harness.api('POST', `/plans/${PLAN}/measurements`, { targetId: 'park-grade', unitId: 'kindergarten-a', period: '2022', value: '一级' }), 'grade');
    const page = await openPage(harness);
    await signIn(page, PLANNER.id, PASSWORD);
    await page.getByTestId('nav-plans').waitFor();
    await page.goto(`/app/plans/${PLAN}`);
    await reloadUntil(page, '[data-testid="plan-targets"]', /学前三年毛入园率[\s\S]*有风险/, 30);
    const text = await page.getByTestId('plan-targets').textContent();
    expect(text).toContain('86.5%');
    expect(text).toContain('未达成'); // one incident at school-b
    expect(text).toContain('进展正常'); // 一级 already
    await page.locator('[data-testid="plan-targets"] .ant-table-row-expand-icon').first().click();
    await page.getByTestId('target-chart-enrolment').waitFor();
    await page.getByTestId('plan-targets').scrollIntoViewIfNeeded();
    await snap(page, 'targets-plan-page');
    await expectAccessible(page, 'the plan page with targets');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expectOk } from '../service/support/http';
import { openPage, personWithPassword, signIn, snap, startWebHarness, type WebHarness } from './support/web-harness';

/**
 * Issue 13 item 1 in the browser: the overlapping-steps example, imported and published on its
 * issue date (20 February 2024, after its school-year span began) and watched in mid-April, when
 * two steps are open at once. The plan page shows the span as dates, and the timeline draws each
 * overlapping step on its own row (look at spans-overlapping-steps.png).
 */
jest.setTimeout(240_000);

const PLAN = 'example-overlapping-steps';
const yaml = readFileSync(join(__dirname, '../../workflows/examples/overlapping-steps.yaml'), 'utf8');
const PLANNER = { id: 'li.planner', name: '李规划', roles: ['planner'], departments: [] };
const PASSWORD = 'Steps-Overlap-In-April-24';

let harness: WebHarness;

beforeAll(async () => {
  harness = await startWebHarness({ clockStart: '2024-02-20T09:00:00+08:00' });
  expectOk(await harness.api('POST', '/plans', yaml), 'import');
  expectOk(await harness.api('POST', `/plans/${PLAN}/publish`), 'publish');
  expectOk(await harness.api('POST', '/admin/clock', { set: '2024-04-15T09:00:00+08:00' }), 'advance the clock');
  await personWithPassword(harness, PLANNER, PASSWORD);
}, 300_000);

afterAll(async () => {
  await harness?.close();
});

it('shows the span as dates and both open steps on the plan page', async () => {
  const page: Page = await openPage(harness);
  await signIn(page, PLANNER.id, PASSWORD);
  await page.getByTestId('nav-plans').waitFor();
  await page.goto(`/app/plans/${PLAN}`);
  await page.getByTestId('timeline-ready').waitFor();
  const text = await page.locator('body').innerText();
  expect(text).toMatch(/2023[-年]0?9[-月]0?1/);
  expect(text).toMatch(/2024[-年]0?8[-月]31/);
  await page.getByTestId('timeline').scrollIntoViewIfNeeded();
  await snap(page, 'spans-overlapping-steps');
});

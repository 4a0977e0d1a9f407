import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { expectOk } from '../service/support/http';
import { expectAccessible, newPage, personWithPassword, reloadUntil, signIn, snap, startWebHarness, type WebHarness } from './support/web-harness';

/**
 * Outside events in the browser (ADR 0020; Debian's Chromium against the real service, PGlite, the
 * virtual clock): the plan page lists the events the plan names, waiting with their expected
 * window; a planner records an exam's date and an inspection's units through 登记日期, each
 * confirmed, and the page shows the occurrence with what it issued; once the visit's window has
 * passed unrecorded it is marked. The import page asks for the plan's 校历 file and shows the
 * checker's warnings.
 */
jest.setTimeout(240_000);

const examples = join(__dirname, '../../workflows/examples');
const PLAN = 'example-outside-events';
const OUTSIDE_EVENTS = readFileSync(join(examples, 'outside-events.yaml'), 'utf8');
const SCHOOL_CALENDAR = readFileSync(join(examples, 'school-calendar.yaml'), 'utf8');
const TERMS = /schoolCalendar:\n {2}terms:\n(?: {4}- .*\n)+/.exec(SCHOOL_CALENDAR)![0];
/** The same plan with its 校历 in a file of its own, as a county shares one between its plans. */
const WITH_CALENDAR_FILE = SCHOOL_CALENDAR.replace(TERMS, 'schoolCalendarFile: xiaoli-2023.yaml\n');
/** Issued on 5 October, after the district plan's own deadline (30 September): valid, with a warning. */
const LATE_ISSUE = readFileSync(join(examples, 'after-accepted.yaml'), 'utf8').replace('issueDate: 2023-08-20', 'issueDate: 2023-10-05');
const DISTRICT_PLAN_LINE = LATE_ISSUE.split('\n').findIndex((line) => line.includes('date: 2023-09-30')) + 1;

const PLANNER = { id: 'qian.planner', name: '钱规划', roles: ['planner'], departments: [] };
const PASSWORD = 'Visits-Exams-Inspections-23';

let harness: WebHarness;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  harness = await startWebHarness({ clockStart: '2023-08-25T09:00:00+08:00' });
  await personWithPassword(harness, PLANNER, PASSWORD);
  expectOk(await harness.api('POST', '/plans', { definition: OUTSIDE_EVENTS, fileName: 'outside-events.yaml' }), 'import the plan');
  expectOk(await harness.api('POST', `/plans/${PLAN}/publish`), 'publish the plan');
  expectOk(await harness.api('POST', '/admin/clock', { set: '2024-01-17T09:00:00+08:00' }), 'advance the clock to the day after the first exam');
  ({ context, page } = await newPage(harness));
  await signIn(page, PLANNER.id, PASSWORD);
  await page.getByTestId('nav-import-plan').waitFor(); // signed in before the first page is asked for
}, 240_000);

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await harness?.close();
});

/** Fills and sends the 登记日期 dialog of one event, then confirms it. */
async function recordDate(eventId: string, date: string, unit?: string): Promise<void> {
  await page.getByTestId(`record-${eventId}`).click();
  const dialog = page.locator('.ant-modal').filter({ hasText: '登记日期：' });
  await dialog.waitFor();
  if (unit) {
    await dialog.locator('.ant-select').click();
    await page.locator('.ant-select-dropdown').getByText(unit, { exact: true }).click();
    await dialog.locator('.ant-modal-title').click(); // closes the list, not the dialog
  }
  const dateInput = dialog.locator('.ant-picker input');
  await dateInput.click();
  await dateInput.fill(date);
  await dialog.locator('.ant-modal-title').click();
  await snap(page, `60-record-${eventId}`);
  await expectAccessible(page, `the 登记日期 dialog of ${eventId}`);
  await dialog.getByRole('button', { name: '登记日期' }).click();
  const confirm = page.locator('.ant-modal-confirm').filter({ hasText: '确认登记？' });
  await confirm.waitFor();
  await confirm.getByRole('button', { name: /确\s*认/ }).click();
  await confirm.waitFor({ state: 'detached' });
  await dialog.waitFor({ state: 'detached' });
}

describe('outside events on the plan page', () => {
  it('lists the three events the plan names, each 待定, the visit with its expected window', async () => {
    await page.goto(`/app/plans/${PLAN}`);
    const section = page.getByTestId('outside-events');
    await section.waitFor();
    await section.getByRole('heading', { name: '外部事件', level: 2 }).waitFor();
    const visit = await page.getByTestId('outside-event-visit').textContent();
    expect(visit).toContain('省督导评估组迎检');
    expect(visit).toContain('待定');
    expect(visit).toContain('预计 2024年4月1日 星期一 至 2024年6月30日 星期日');
    expect(await page.getByTestId('outside-event-exam').textContent()).toContain('未定预计时间');
    expect(await page.getByTestId('outside-event-spot').textContent()).toContain('暗访/督查');
    await section.scrollIntoViewIfNeeded();
    await snap(page, '60-plan-outside-events-waiting');
    await expectAccessible(page, 'the plan page with its outside events');
  });

  it('a planner records the exam: confirmed, it shows its date, who recorded it and, once the worker has issued it, the two analyses', async () => {
    await recordDate('exam', '2024-01-16');
    await reloadUntil(page, '[data-testid="outside-event-exam"]', '下发 2 项工作');
    const exam = await page.getByTestId('outside-event-exam').textContent();
    expect(exam).toContain('已登记');
    expect(exam).toContain('第1次：2024年1月16日 星期二（钱规划 于 2024年1月17日 星期三 09:00 登记）');
    // A recurring event can be recorded again; the next occurrence will owe its own analyses.
    expect(await page.getByTestId('record-exam').count()).toBe(1);
  });

  it('an inspection is recorded with the units inspected, and owes nobody anything', async () => {
    await recordDate('spot', '2024-01-15', '第一中学');
    await reloadUntil(page, '[data-testid="outside-event-spot"]', '被检查单位：第一中学');
    expect(await page.getByTestId('outside-event-spot').textContent()).not.toContain('下发');
  });

  it('once the visit\'s window has passed unrecorded, it is marked; recorded late, it issues its work at once', async () => {
    expectOk(await harness.api('POST', '/admin/clock', { set: '2024-07-02T09:00:00+08:00' }), 'advance past the visit window');
    await page.reload();
    await page.getByTestId('event-overdue-expected').waitFor();
    expect(await page.getByTestId('outside-event-visit').textContent()).toContain('已过预期时间');
    await page.getByTestId('outside-events').scrollIntoViewIfNeeded();
    await snap(page, '61-plan-outside-events-recorded');
    await recordDate('visit', '2024-06-28');
    await reloadUntil(page, '[data-testid="outside-event-visit"]', '下发 6 项工作');
    expect(await page.getByTestId('record-visit').count()).toBe(0); // a once-only event is recorded once
    await page.getByTestId('outside-events').scrollIntoViewIfNeeded();
    await snap(page, '62-plan-outside-events-all-recorded');
  });
});

describe('the import page: a separate 校历 file and the checker\'s warnings', () => {
  it('a plan naming schoolCalendarFile asks for it, says it is missing, and is checked with it', async () => {
    await page.getByTestId('nav-import-plan').click();
    await page.getByTestId('plan-source-text').fill(WITH_CALENDAR_FILE);
    await page.getByTestId('school-calendar-source-text').waitFor();
    expect(await page.getByText('xiaoli-2023.yaml').count()).toBeGreaterThan(0);
    await page.getByTestId('check-plan').click();
    await page.getByTestId('plan-problems').waitFor();
    expect(await page.getByTestId('plan-problem').first().textContent()).toContain('schoolCalendarFile');
    await page.getByTestId('school-calendar-source-text').fill(TERMS);
    await page.getByTestId('check-plan').click();
    await page.getByTestId('plan-preview').waitFor();
    expect(await page.getByTestId('preview-simulation').textContent()).toContain('被拒绝的命令 0 个');
    expect(await page.getByTestId('plan-warnings').count()).toBe(0);
    await page.getByTestId('school-calendar-source-text').scrollIntoViewIfNeeded();
    await snap(page, '63-import-school-calendar-file');
  });

  it('a valid plan with a deadline before its issue date is previewed under the checker\'s warning, in Chinese, at its line', async () => {
    await page.getByTestId('plan-source-text').fill(LATE_ISSUE);
    await page.getByTestId('check-plan').click();
    await page.getByTestId('plan-warnings').waitFor();
    const warnings = page.getByTestId('plan-warning');
    expect(await warnings.count()).toBe(1);
    const text = await warnings.first().textContent();
    expect(text).toContain('期限早于印发日期');
    expect(text).toContain(`plan.yaml 第 ${DISTRICT_PLAN_LINE} 行（measures[2].deadline.date）`);
    expect(await page.getByTestId('plan-warnings').textContent()).toContain('检查通过，但有 1 条提醒');
    await page.getByTestId('plan-preview').waitFor();
    await snap(page, '64-import-warnings');
    await expectAccessible(page, 'the import page with a warning');
  });
});

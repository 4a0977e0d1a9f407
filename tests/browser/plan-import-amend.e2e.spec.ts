import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { expectOk } from '../service/support/http';
import { expectAccessible, newPage, personWithPassword, signIn, snap, startWebHarness, type WebHarness } from './support/web-harness';

/**
 * A planner puts a plan in through the browser and amends it (Debian's Chromium against the real
 * service, PGlite, the virtual clock): a pasted plan with two planted mistakes shows both at their
 * lines; fixed, it is previewed from the server's simulation, imported and published, each
 * confirmed. Months later an amendment is uploaded, its effects shown per department before
 * anything changes, and applied with a reason.
 */
jest.setTimeout(240_000);

const PLAN = 'lianyun-quality-2021-2024';
const LIANYUN = readFileSync(join(__dirname, '../../workflows/lianyun-quality-2021-2024.yaml'), 'utf8');
const lines = LIANYUN.split('\n');
const CO_LINE = lines.findIndex((l) => l.includes('responsible: { lead: lianyun-bureau, co: [education-work-committee] }')) + 1;
const KIND_LINE = lines.findIndex((l, i) => i > CO_LINE && l.trim() === 'kind: theme-year') + 1;
/** Two mistakes a planner makes: a misspelt department id, and a phase kind that does not exist. */
const BROKEN = lines
  .map((line, i) => (i + 1 === CO_LINE ? line.replace('education-work-committee', 'educaton-work-committee') : i + 1 === KIND_LINE ? line.replace('theme-year', 'theme-yaer') : line))
  .join('\n');
/** The schools' own plans due at the end of February; the research office, not the work committee, co-writes the implementation plan. */
const AMENDED = LIANYUN
  .replace('deadline: { kind: fixed, date: 2022-01-15 }\n        review: { reviewedBy: [liaison]', 'deadline: { kind: fixed, date: 2022-02-28 }\n        review: { reviewedBy: [liaison]')
  .replace('responsible: { lead: lianyun-bureau, co: [education-work-committee] }\n        deadline: { kind: fixed, date: 2021-12-31 }', 'responsible: { lead: lianyun-bureau, co: [research-office] }\n        deadline: { kind: fixed, date: 2021-12-31 }');

const COUNTY = readFileSync(join(__dirname, '../../workflows/county-basic-education-2022-2025.yaml'), 'utf8');
const COUNTY_DEPARTMENTS = join(__dirname, '../../workflows/county-basic-education-departments.yaml');

const PLANNER = { id: 'zhao.planner', name: '赵规划', roles: ['planner'], departments: [] };
const PASSWORD = 'Plans-Of-Lianyun-Bureau-21';

let harness: WebHarness;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  harness = await startWebHarness({ clockStart: '2021-08-30T09:00:00+08:00' });
  await personWithPassword(harness, PLANNER, PASSWORD);
  ({ context, page } = await newPage(harness));
}, 240_000);

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await harness?.close();
});

/** Confirms the open antd confirmation dialog (its title says what is being confirmed). */
async function confirmDialog(title: string, screenshot?: string): Promise<void> {
  const dialog = page.locator('.ant-modal-confirm').filter({ hasText: title });
  await dialog.waitFor();
  if (screenshot) {
    await snap(page, screenshot);
    await expectAccessible(page, `the dialog "${title}"`);
  }
  await dialog.getByRole('button', { name: /确\s*认/ }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('a planner imports, publishes and amends a plan in the browser', () => {
  it('a plan that names a departments file asks for it, says where it is missing, and is checked with it', async () => {
    await signIn(page, PLANNER.id, PASSWORD);
    await page.getByTestId('nav-import-plan').click();
    await page.getByRole('heading', { name: '导入计划' }).waitFor();
    await snap(page, '19-import-empty');
    await expectAccessible(page, 'the empty import page');
    await page.getByTestId('plan-source-text').fill(COUNTY);
    // The plan says `departmentsFile: county-basic-education-departments.yaml`: the page asks for that file.
    await page.getByTestId('departments-source-text').waitFor();
    expect(await page.getByText('county-basic-education-departments.yaml').count()).toBeGreaterThan(0);
    await page.getByTestId('check-plan').click();
    await page.getByTestId('plan-problems').waitFor();
    expect(await page.getByTestId('plan-problem').first().textContent()).toContain('departmentsFile');
    await page.locator('input[type="file"]').nth(1).setInputFiles(COUNTY_DEPARTMENTS);
    await page.getByTestId('departments-source-loaded').waitFor();
    await page.getByTestId('check-plan').click();
    await page.getByTestId('plan-preview').waitFor();
    expect(await page.getByTestId('preview-simulation').textContent()).toContain('被拒绝的命令 0 个');
    await page.getByTestId('departments-source-clear').click();
  });

  it('导入计划 is in the header; a pasted plan with two mistakes shows both, each at its line, highlighted in the source', async () => {
    await page.getByTestId('plan-source-text').fill(BROKEN);
    await page.getByTestId('check-plan').click();
    await page.getByTestId('plan-problems').waitFor();

    const problems = page.getByTestId('plan-problem');
    expect(await problems.count()).toBe(2);
    const texts = await problems.allTextContents();
    const reference = texts.findIndex((text) => text.includes('educaton-work-committee'));
    const kind = texts.findIndex((text) => text.includes('phases[1].kind'));
    expect(texts[reference]).toContain(`plan.yaml 第 ${CO_LINE} 行`);
    expect(texts[reference]).toContain('phases[0].deliverables[0].responsible.co[0]');
    expect(texts[kind]).toContain(`plan.yaml 第 ${KIND_LINE} 行`);
    // In zh-CN each problem is headed by its kind in Chinese (by the checker's code), the checker's English detail below it.
    expect(await problems.nth(reference).getByTestId('problem-headline').textContent()).toBe('引用了未定义的编号');
    expect(await problems.nth(kind).getByTestId('problem-headline').textContent()).toBe('取值无效');
    // Both lines are marked; the chosen problem's line is highlighted and scrolled into the view.
    expect(await page.getByTestId('marked-line').count()).toBe(1);
    await problems.nth(reference).getByRole('button').click();
    expect(await page.getByTestId('selected-line').getAttribute('data-line')).toBe(String(CO_LINE));
    expect(await page.getByTestId('selected-line').textContent()).toContain('educaton-work-committee');
    expect(await page.getByTestId('marked-column').textContent()).toBe('educaton-work-committee'); // the column points at the value
    await snap(page, '20-import-problems');
    await expectAccessible(page, 'the import page with problems');
    await problems.nth(kind).getByRole('button').click();
    expect(await page.getByTestId('selected-line').getAttribute('data-line')).toBe(String(KIND_LINE));
    expect(await page.getByTestId('selected-line').textContent()).toContain('theme-yaer');
    expect(await page.getByTestId('selected-line').isVisible()).toBe(true);
  });

  it('fixed, the plan is previewed from the simulation: phases with dates, work per department, first deadlines, busiest weeks; then imported and published, each confirmed', async () => {
    await page.getByTestId('plan-source-text').fill(LIANYUN);
    expect(await page.getByTestId('plan-problems').count()).toBe(0); // editing drops the old answer
    await page.getByTestId('check-plan').click();
    await page.getByTestId('plan-preview').waitFor();
    const phases = await page.getByTestId('preview-phases').textContent();
    expect(phases).toContain('教育教學規范年');
    expect(phases).toContain('2021年9月1日 星期三');
    expect(await page.getByTestId('preview-departments').textContent()).toContain('連云區板橋中學'); // most work first: 48 each for the schools
    expect(await page.getByTestId('preview-first-deadlines').textContent()).toContain('教育教學規范年實施方案');
    expect(await page.getByTestId('preview-busiest-weeks').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('preview-simulation').textContent()).toContain('被拒绝的命令 0 个');
    // Nothing is stored by the preview.
    expect((expectOk(await harness.api('GET', '/plans'), 'list plans') as { plans: unknown[] }).plans).toHaveLength(0);
    await snap(page, '21-import-preview');
    await expectAccessible(page, 'the import preview');

    await page.getByTestId('import-plan').click();
    await confirmDialog('确认导入计划？');
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').textContent()).toContain(PLAN);
    await page.getByTestId('publish-plan').click();
    await confirmDialog('确认发布计划？', '22-publish-confirm');
    await page.getByTestId('import-published').waitFor();
    await snap(page, '22b-import-published');
    const history = expectOk(await harness.api('GET', `/plans/${PLAN}/history`), 'plan history') as { events: { type: string }[] };
    expect(history.events.map((e) => e.type)).toEqual(expect.arrayContaining(['PlanDrafted', 'PlanPublished']));
  });

  it('months later, an uploaded amendment shows its effects per department before it is applied; applied with a required reason, confirmed', async () => {
    // The norm year runs: the bureau's implementation plan (lead and co) is issued.
    expectOk(await harness.api('POST', '/admin/clock', { set: '2021-12-01T09:00:00+08:00' }), 'advance the clock');
    const file = join(tmpdir(), 'lianyun-quality-2021-2024.v2.yaml');
    writeFileSync(file, AMENDED);
    // Three months of business time ended the session (30 minutes idle): sign in again.
    await signIn(page, PLANNER.id, PASSWORD);
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.goto(`/app/plans/${PLAN}/amend`);
    await page.getByRole('heading', { name: /修订计划/ }).waitFor();
    await page.locator('input[type="file"]').first().setInputFiles(file);
    await page.getByTestId('plan-source-loaded').waitFor();
    await page.getByTestId('check-amendment').click();
    await page.getByTestId('amendment-effects').waitFor();
    await snap(page, '23-amend-effects');

    expect(await page.getByTestId('count-redated').textContent()).toContain('12');
    expect(await page.getByTestId('count-cancelled').textContent()).toContain('1');
    expect(await page.getByTestId('count-added').textContent()).toContain('1');
    const departments = page.getByTestId('amended-departments');
    await departments.locator('tr', { hasText: '區委教育工委' }).locator('.ant-table-row-expand-icon').click();
    const committee = await page.getByTestId('department-education-work-committee').textContent();
    expect(committee).toContain('取消');
    expect(committee).toContain('已下发');
    await departments.locator('tr', { hasText: '連云區墟溝小學' }).locator('.ant-table-row-expand-icon').click();
    const xugou = await page.getByTestId('department-xugou-primary').textContent();
    expect(xugou).toContain('调整截止日期');
    expect(xugou).toContain('2022年2月28日 星期一');
    await snap(page, '24-amend-departments');
    await expectAccessible(page, 'the amendment preview');
    // The preview stored nothing: no amendment on record yet.
    let history = expectOk(await harness.api('GET', `/plans/${PLAN}/history`), 'plan history') as { events: { type: string; data?: { reason?: string } }[] };
    expect(history.events.some((e) => e.type === 'PlanAmended')).toBe(false);

    // A reason is required.
    await page.getByTestId('apply-amendment').click();
    await page.getByText('请填写修订原因').waitFor();
    await page.getByTestId('amend-reason').fill('各校方案推迟至二月底；实施方案改由教研室配合');
    await page.getByTestId('apply-amendment').click();
    await confirmDialog('确认应用修订？', '25-amend-confirm');
    await page.getByTestId('amendment-applied').waitFor();
    expect(await page.getByTestId('amendment-applied').textContent()).toContain('第 1 次修订');
    await snap(page, '26-amend-applied');
    await expectAccessible(page, 'the applied amendment');
    history = expectOk(await harness.api('GET', `/plans/${PLAN}/history`), 'plan history') as { events: { type: string; data?: { reason?: string } }[] };
    expect(history.events.find((e) => e.type === 'PlanAmended')?.data?.reason).toBe('各校方案推迟至二月底；实施方案改由教研室配合');

    // The same version again amends nothing, and the page says so in Chinese.
    await page.getByRole('button', { name: '继续修订' }).click();
    await page.locator('input[type="file"]').first().setInputFiles(file);
    await page.getByTestId('plan-source-loaded').waitFor();
    await page.getByTestId('check-amendment').click();
    await page.getByTestId('request-failure').waitFor();
    expect(await page.getByTestId('request-failure').textContent()).toContain('新版本与当前计划完全相同');
  });
});

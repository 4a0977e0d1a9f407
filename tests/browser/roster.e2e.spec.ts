import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expectOk } from '../service/support/http';
import { expectAccessible, openPage, personWithPassword, reloadUntil, signIn, snap, startWebHarness, type WebHarness } from './support/web-harness';

/**
 * A roster in the browser (ADR 0022), against the real service: the plan's 班主任 home visits are
 * issued to school-a; the assignment page says 未指定 until the planner records a roster naming
 * 张老师; then the page names him, and 张老师, signed in, finds the work in his own inbox though
 * his account reaches no department.
 */
jest.setTimeout(180_000);

const PLAN = 'example-roles';
const yaml = readFileSync(join(__dirname, '../../workflows/examples/roles-and-roster.yaml'), 'utf8');
const WORK = `${PLAN}.home-visits.school-a.2023-s1`;
const TEACHER = { id: 'zhang.laoshi', name: '张老师', roles: ['department_member'], departments: [] as string[] };
const PLANNER = { id: 'wang.office', name: '王办公室', roles: ['planner'], departments: [] as string[] };
const PASSWORD = 'Autumn-Home-Visits-2023-9';

let harness: WebHarness;

async function openWork(page: Page): Promise<void> {
  await page.goto(`/app/assignments/${encodeURIComponent(WORK)}`);
  await page.getByTestId('measure-title').waitFor().catch(async (error: unknown) => {
    await snap(page, 'roster-failed');
    throw error;
  });
}

beforeAll(async () => {
  harness = await startWebHarness({ clockStart: '2023-08-31T09:00:00+08:00' });
  expectOk(await harness.api('POST', '/plans', yaml), 'import');
  expectOk(await harness.api('POST', `/plans/${PLAN}/publish`), 'publish');
  expectOk(await harness.api('POST', '/admin/clock', { set: '2023-09-04T09:00:00+08:00' }), 'advance the clock');
  await personWithPassword(harness, TEACHER, PASSWORD);
  await personWithPassword(harness, PLANNER, PASSWORD);
  // The worker issues the home visits once the clock has passed their issue time.
  for (let i = 0; i < 60 && (await harness.api('GET', `/assignments/${WORK}`)).status !== 200; i++) await new Promise((r) => setTimeout(r, 500));
}, 240_000);

afterAll(async () => {
  await harness?.close();
});

describe('who holds 班主任 at school-a, on the assignment page and in the holder\'s inbox', () => {
  it('says 未指定 before a roster, names 张老师 after one, and he finds the work in his inbox', async () => {
    const planner = await openPage(harness);
    await signIn(planner, PLANNER.id, PASSWORD);
    await planner.getByTestId('nav-plans').waitFor();
    await openWork(planner);
    await expect(planner.getByTestId('role-holders').textContent()).resolves.toContain('未指定');
    await snap(planner, 'roster-00-unnamed');

    expectOk(await harness.api('POST', `/plans/${PLAN}/roster`, { roster: [{ role: 'head-teacher', unit: 'school-a', people: [TEACHER.id] }] }), 'roster');
    const teacher = await openPage(harness);
    await signIn(teacher, TEACHER.id, PASSWORD);
    await teacher.getByRole('heading', { name: '我的待办' }).waitFor();
    await reloadUntil(teacher, '[data-testid="inbox-role-holders"]', '张老师');
    await snap(teacher, 'roster-01-inbox');
    await openWork(teacher);
    await expect(teacher.getByTestId('role-holders').textContent()).resolves.toContain('张老师');
    await snap(teacher, 'roster-02-assignment');
    await expectAccessible(teacher, 'assignment page with role holders');
  });
});

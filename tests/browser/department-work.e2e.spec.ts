import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { call, expectOk } from '../service/support/http';
import {
  describeIfFilesRoute, expectAccessible, FILES_ROUTE, invite, openPage, personWithPassword, reloadUntil, signIn, snap, startWebHarness, type WebHarness,
} from './support/web-harness';

/**
 * The department's side of the web app in Debian's Chromium against the real service (PGlite, the
 * virtual clock): a school head invited, signing in, finding overdue work first, submitting;
 * the 包校 liaison returning it with a reason; the head resubmitting; the liaison and the bureau's
 * office accepting. Then the guards: lockout, another school's page (403), sign-out, CSRF.
 */
jest.setTimeout(180_000);

const PLAN = 'lianyun-quality-2021-2024';
const yaml = readFileSync(join(__dirname, '../../workflows/lianyun-quality-2021-2024.yaml'), 'utf8');
const WORK = `${PLAN}.norm-year-school-plans.xugou-primary.once`; // due 2022-01-17; liaison-deputy-1, then leading-group-office
const OTHER_SCHOOL_WORK = `${PLAN}.norm-year-school-plans.haibin-primary.once`;
const MEASURE = '學校教育教學規范年工作方案';

const HEAD = { id: 'zhou.xugou', name: '周墟沟', roles: ['department_head'], departments: ['xugou-primary'] };
const LIAISON = { id: 'wang.liaison', name: '王副局长', roles: ['department_head'], departments: ['liaison-deputy-1'] };
const OFFICE = { id: 'li.office', name: '李办公室', roles: ['department_member'], departments: ['leading-group-office'] };
const HAIBIN = { id: 'chen.haibin', name: '陈海滨', roles: ['department_head'], departments: ['haibin-primary'] };
const LOCKED = { id: 'sun.forgetful', name: '孙健忘', roles: ['department_member'], departments: ['haibin-primary'] };
const PASSWORD = 'Spring-Rain-Over-Lianyun-7';

let harness: WebHarness;
const pageFor = (): Promise<Page> => openPage(harness);

/** A small, valid PDF (one empty page), made here. */
function samplePdf(): string {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const file = join(tmpdir(), '墟沟小学规范年工作方案.pdf');
  writeFileSync(file, body);
  return file;
}

/** Opens the assignment page and waits for its title. */
async function openWork(page: Page, ref = WORK): Promise<void> {
  await page.goto(`/app/assignments/${encodeURIComponent(ref)}`);
  await page.getByTestId('measure-title').waitFor();
}

async function waitForStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid="measure-title"] ~ [data-testid="status-tag"][data-status="${status}"]`).waitFor();
}

beforeAll(async () => {
  harness = await startWebHarness({ clockStart: '2021-08-30T09:00:00+08:00' });
  expectOk(await harness.api('POST', '/plans', yaml), 'import');
  expectOk(await harness.api('POST', `/plans/${PLAN}/publish`), 'publish');
  // Two days past the school plans' deadline (2022-01-17): xugou-primary's is overdue.
  expectOk(await harness.api('POST', '/admin/clock', { set: '2022-01-19T09:00:00+08:00' }), 'advance the clock');
  for (const person of [LIAISON, OFFICE, HAIBIN, LOCKED]) await personWithPassword(harness, person, PASSWORD);
}, 240_000);

afterAll(async () => {
  await harness?.close();
});

describe('a school head, the liaison and the bureau work one assignment through the browser', () => {
  let head: Page;

  it('invitation → set password (with the rules shown) → signed in; sign out; sign in with the new password', async () => {
    head = await pageFor();
    const invitation = await invite(harness, HEAD);
    await head.goto(invitation);
    await head.getByText('至少 10 个字符').waitFor();
    expect(await head.textContent('body')).toContain('周墟沟');
    await snap(head, '02-set-password');
    await expectAccessible(head, 'the invitation page');
    // A weak password is refused with the rule it breaks.
    await head.locator('#password').fill('password123');
    await head.locator('#confirm').fill('password123');
    await head.getByRole('button', { name: '设置密码并登录' }).click();
    await head.getByTestId('invitation-error').waitFor();
    expect(await head.getByTestId('invitation-error').textContent()).toContain('常见密码');
    await head.locator('#password').fill(PASSWORD);
    await head.locator('#confirm').fill(PASSWORD);
    await head.getByRole('button', { name: '设置密码并登录' }).click();
    await head.getByRole('heading', { name: '我的待办' }).waitFor();

    await head.getByTestId('user-menu').hover();
    await head.getByTestId('sign-out').click();
    await head.getByTestId('sign-in-notice').waitFor();
    await snap(head, '01-sign-in');
    await expectAccessible(head, 'the sign-in page');
    await signIn(head, HEAD.id, PASSWORD);
    await head.getByRole('heading', { name: '我的待办' }).waitFor();
  });

  it('我的待办 lists overdue work first, with plan, due date with weekday, countdown, status, and a badge', async () => {
    await reloadUntil(head, '[data-testid="group-overdue"]', MEASURE);
    const groups = await head.locator('[data-testid^="group-"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')));
    expect(groups).toEqual(['group-overdue', 'group-dueWithin7Days', 'group-awaitingMyReview', 'group-inProgress', 'group-standing', 'group-done']);
    const overdue = await head.getByTestId('group-overdue').textContent();
    expect(overdue).toContain('2022年1月17日 星期一'); // the deadline in the plan's zone, with its weekday
    expect(overdue).toMatch(/逾期 \d+ 天/);
    expect(overdue).toContain('已下发');
    // The header's badge counts the open work.
    expect(Number((await head.getByTestId('nav-inbox').textContent())?.replace(/\D/g, ''))).toBeGreaterThan(0);
    await snap(head, '03-inbox');
    await expectAccessible(head, '我的待办');
  });

  it('the assignment page shows what is asked, the plan\'s sentence, the chain, and only the allowed actions; the head submits', async () => {
    await head.getByTestId('group-overdue').getByRole('link', { name: MEASURE }).first().click();
    await head.getByTestId('measure-title').waitFor();
    expect(decodeURIComponent(head.url())).toContain(`/app/assignments/${WORK}`);
    expect(await head.getByTestId('source-text').textContent()).toContain('各校要高度重視');
    const chain = await head.getByTestId('review-chain').textContent();
    expect(chain).toContain('連云區教育教學質量提升工作領導小組辦公室');
    // Heads may reassign; nobody here may accept or return.
    expect(await head.getByTestId('open-submit').count()).toBe(1);
    expect(await head.getByTestId('action-accept').count()).toBe(0);
    expect(await head.getByTestId('history').textContent()).toContain('系统'); // timers' actor, from the catalogue
    // A deep link survives a reload.
    await head.reload();
    await head.getByTestId('measure-title').waitFor();
    await snap(head, '04-assignment');
    await expectAccessible(head, 'the assignment page');

    await head.getByTestId('submit-note').fill('本校规范年工作方案已制定，请审核。');
    if (FILES_ROUTE) {
      await head.locator('[data-testid="form-submit"] input[type="file"]').setInputFiles(samplePdf());
      await head.locator('.ant-upload-list-item-done').waitFor();
    }
    await head.getByTestId('action-submit').click();
    await waitForStatus(head, 'submitted');
    expect(await head.getByTestId('no-actions').textContent()).toContain('当前没有需要您办理的操作');
  });

  it('the liaison sees it under 待我审核, with the note beside accept/return; a return needs a reason', async () => {
    const liaison = await pageFor();
    await signIn(liaison, LIAISON.id, PASSWORD);
    await liaison.getByRole('heading', { name: '我的待办' }).waitFor();
    await reloadUntil(liaison, '[data-testid="group-awaitingMyReview"]', MEASURE);
    await liaison.getByTestId('group-awaitingMyReview').getByRole('link', { name: MEASURE }).first().click();
    await liaison.getByTestId('review-panel').waitFor();
    expect(await liaison.getByTestId('review-submission').textContent()).toContain('本校规范年工作方案已制定');
    if (FILES_ROUTE) expect(await liaison.getByTestId('review-submission').locator('[data-testid="attachment"]').count()).toBe(1);
    await snap(liaison, '05-review');
    await expectAccessible(liaison, 'the review panel');
    await liaison.getByTestId('action-return').click();
    await liaison.getByText('退回必须填写原因').waitFor();
    await liaison.getByTestId('review-comment').fill('请补充各年级的具体措施和时间安排。');
    await liaison.getByTestId('action-return').click();
    await waitForStatus(liaison, 'returned');
  });

  it('the head sees the reason, resubmits; the liaison and the bureau office accept; status and history follow', async () => {
    await openWork(head);
    await waitForStatus(head, 'returned');
    expect(await head.getByTestId('history').textContent()).toContain('请补充各年级的具体措施和时间安排。');
    await head.getByTestId('submit-note').fill('已补充各年级措施和时间表。');
    await head.getByTestId('action-submit').click();
    await waitForStatus(head, 'submitted');

    const liaison = await pageFor();
    await signIn(liaison, LIAISON.id, PASSWORD);
    await liaison.getByRole('heading', { name: '我的待办' }).waitFor();
    await openWork(liaison);
    await liaison.getByTestId('review-comment').fill('同意。');
    await liaison.getByTestId('action-accept').click();
    await liaison.getByTestId('no-actions').waitFor();

    const office = await pageFor();
    await signIn(office, OFFICE.id, PASSWORD);
    await office.getByRole('heading', { name: '我的待办' }).waitFor();
    await reloadUntil(office, '[data-testid="group-awaitingMyReview"]', MEASURE);
    await openWork(office);
    await office.getByTestId('action-accept').click();
    await waitForStatus(office, 'accepted');

    await openWork(head);
    await waitForStatus(head, 'accepted');
    const types = await head.getByTestId('history-entry').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-type')));
    expect(types.filter((type) => /Submitted|Returned|ReviewPassed|Accepted/.test(type ?? ''))).toEqual([
      'AssignmentSubmitted', 'AssignmentReturned', 'AssignmentSubmitted', 'AssignmentReviewPassed', 'AssignmentAccepted',
    ]);
    const history = await head.getByTestId('history').textContent();
    expect(history).toContain('王副局长');
    expect(history).toContain('李办公室');
    await snap(head, '06-accepted');
    await reloadUntil(head, '[data-testid="group-done"]', MEASURE.slice(0, 4), 20).catch(async () => {
      await head.goto('/app/');
      await reloadUntil(head, '[data-testid="group-done"]', MEASURE);
    });
  });
});

describe('guards', () => {
  it('five wrong passwords lock the account, and the page says so', async () => {
    const page = await pageFor();
    await page.goto('/app/sign-in');
    const messages: string[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      await page.locator('#login').fill(LOCKED.id);
      await page.locator('#password').fill(`wrong-password-${attempt}`);
      await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/session' && r.request().method() === 'POST'),
        page.getByRole('button', { name: /登\s*录/ }).click(),
      ]);
      await page.getByTestId('sign-in-problem').waitFor();
      const text = (await page.getByTestId('sign-in-problem').textContent()) ?? '';
      messages.push(text);
      if (text.includes('已锁定')) break;
    }
    expect(messages[0]).toContain('账号或密码不正确');
    expect(messages.at(-1)).toContain('账号已锁定');
    expect(messages.length).toBeLessThanOrEqual(6);
    // The right password does not help while locked.
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('账号已锁定', { exact: false }).waitFor();
    await snap(page, '07-locked');
  });

  it("a school's head opening another school's assignment gets the 403 page, with the way back", async () => {
    const page = await pageFor();
    await signIn(page, HAIBIN.id, PASSWORD);
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.goto(`/app/assignments/${encodeURIComponent(WORK)}`);
    await page.getByTestId('forbidden').waitFor();
    expect(await page.textContent('body')).not.toContain('本校规范年工作方案');
    await snap(page, '08-forbidden');
    await expectAccessible(page, 'the 403 page');
    await page.getByTestId('back-to-inbox').click();
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    // Their own school's work opens.
    await openWork(page, OTHER_SCHOOL_WORK);
    await page.goto('/app/no-such-page');
    await page.getByTestId('not-found').waitFor();
    await snap(page, '09-not-found');
    await expectAccessible(page, 'the 404 page');
  });

  it('sign-out ends the session on the server: a reload shows the sign-in page, the old cookie is dead', async () => {
    const page = await pageFor();
    await signIn(page, HAIBIN.id, PASSWORD);
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    const cookie = (await page.context().cookies()).find((c) => c.name === 'planledger_session')!;
    expect(cookie.httpOnly).toBe(true);
    await page.getByTestId('user-menu').hover();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in-notice').waitFor();
    await page.goto('/app/');
    await page.locator('#login').waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/sign-in');
    expect((await call(harness.baseUrl, 'GET', '/session', undefined, { cookie: `planledger_session=${cookie.value}` })).status).toBe(401);
  });

  it('a cross-site POST carrying the session cookie is refused (strict Origin check)', async () => {
    const page = await pageFor();
    await signIn(page, HAIBIN.id, PASSWORD);
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    const cookie = (await page.context().cookies()).find((c) => c.name === 'planledger_session')!;
    const headers = { cookie: `planledger_session=${cookie.value}` };
    const evil = await call(harness.baseUrl, 'POST', `/assignments/${OTHER_SCHOOL_WORK}/acknowledge`, {}, { ...headers, origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(evil.body.error).toBe('csrf_origin_mismatch');
    // The same request from the app's own origin goes through.
    const own = await call(harness.baseUrl, 'POST', `/assignments/${OTHER_SCHOOL_WORK}/acknowledge`, {}, { ...headers, origin: harness.baseUrl });
    expect(own.status).toBe(200);
  });

  it('English is selectable and remembered; change password page', async () => {
    const page = await pageFor();
    await signIn(page, HAIBIN.id, PASSWORD);
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'My work' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'My work' }).waitFor();
    await snap(page, '10-inbox-english');
    await page.getByText('中文', { exact: true }).click();
    await page.goto('/app/password');
    await page.getByRole('heading', { name: '修改密码' }).waitFor();
    await page.locator('#currentPassword').fill('not-my-password-at-all');
    await page.locator('#newPassword').fill('Another-Long-Passphrase-9');
    await page.locator('#confirm').fill('Another-Long-Passphrase-9');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('当前密码不正确').waitFor();
    await snap(page, '11-change-password');
    await expectAccessible(page, 'the change-password page');
  });
});

describeIfFilesRoute('files (POST /assignments/{id}/files)', () => {
  it("the submitted PDF downloads for the school, and another school's head gets 403 for it", async () => {
    const school = await pageFor();
    await signIn(school, HEAD.id, PASSWORD);
    await school.getByRole('heading', { name: '我的待办' }).waitFor();
    await openWork(school);
    const link = school.locator('[data-testid="attachment"] a').first();
    const href = (await link.getAttribute('href'))!;
    const cookieOf = async (page: Page) => `planledger_session=${(await page.context().cookies()).find((c) => c.name === 'planledger_session')!.value}`;
    const own = await fetch(`${harness.baseUrl}${href}`, { headers: { cookie: await cookieOf(school) } });
    expect(own.status).toBe(200);
    expect((await own.text()).startsWith('%PDF-1.4')).toBe(true);
    const other = await pageFor();
    await signIn(other, HAIBIN.id, PASSWORD);
    await other.getByRole('heading', { name: '我的待办' }).waitFor();
    expect((await fetch(`${harness.baseUrl}${href}`, { headers: { cookie: await cookieOf(other) } })).status).toBe(403);
  });
});

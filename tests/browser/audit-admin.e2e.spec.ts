import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { expectOk } from '../service/support/http';
import { bearerFor } from '../service/support/tokens';
import { expectAccessible, openPage, personWithPassword, signIn, snap, startWebHarness, type WebHarness } from './support/web-harness';

/**
 * The auditors' and admins' pages in Debian's Chromium against the real service (PGlite, the
 * virtual clock): an auditor filters the event log and pages on, sees an assignment as it stood
 * before its submission (the banner says which moment) and as it stands now, runs the chain check,
 * downloads an export and opens it with exceljs, lists and exports the sign-in records, views a
 * department as of a moment; an admin invites a person (the link is shown), revokes them, and
 * advances the demo clock. A department head gets 403 on the auditors' page.
 */
jest.setTimeout(240_000);

const PLAN = 'lianyun-quality-2021-2024';
const yaml = readFileSync(join(__dirname, '../../workflows/lianyun-quality-2021-2024.yaml'), 'utf8');
const WORK = `${PLAN}.norm-year-school-plans.haibin-primary.once`;
const AUDITOR = { id: 'zhao.auditor', name: '赵审计', roles: ['auditor'], departments: [] };
const ADMIN = { id: 'qian.admin', name: '钱管理', roles: ['admin'], departments: [] };
const HEAD = { id: 'chen.haibin', name: '陈海滨', roles: ['department_head' as const], departments: ['haibin-primary'] };
const PASSWORD = 'Autumn-Ledger-Of-Lianyun-9';

let harness: WebHarness;
const pageFor = (): Promise<Page> => openPage(harness);

/** Polls (the previous page stays on screen while the next one loads) until `check` holds. */
async function until(page: Page, what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within 20 s`);
    await page.waitForTimeout(200);
  }
}

beforeAll(async () => {
  harness = await startWebHarness({ clockStart: '2021-08-30T09:00:00+08:00' });
  expectOk(await harness.api('POST', '/plans', yaml), 'import');
  expectOk(await harness.api('POST', `/plans/${PLAN}/publish`), 'publish');
  expectOk(await harness.api('POST', '/admin/clock', { set: '2022-01-10T09:00:00+08:00' }), 'advance the clock');
  // The school hands in its plan on 10 January (business time); the auditor looks at 9 January and at now.
  const head = await bearerFor({ dataDir: harness.dataDir }, { subject: HEAD.id, roles: HEAD.roles, departments: HEAD.departments });
  expectOk(await harness.api('POST', `/assignments/${WORK}/submit`, { note: '海滨小学规范年工作方案' }, head), 'submit');
  for (const person of [AUDITOR, ADMIN, HEAD]) await personWithPassword(harness, person, PASSWORD);
}, 240_000);

afterAll(async () => {
  await harness?.close();
});

describe('an auditor', () => {
  let auditor: Page;

  it('signs in and finds the audit pages in the header; filters the event log by type and goes to page 2', async () => {
    auditor = await pageFor();
    await signIn(auditor, AUDITOR.id, PASSWORD);
    await auditor.getByTestId('nav-audit-events').click();
    await auditor.getByRole('heading', { name: '事件日志' }).waitFor();
    for (const entry of ['nav-audit-verify', 'nav-audit-export', 'nav-audit-sign-ins']) expect(await auditor.getByTestId(entry).count()).toBe(1);
    expect(await auditor.getByTestId('nav-admin-people').count()).toBe(0);

    await auditor.locator('#type').fill('AssignmentIssued');
    await auditor.keyboard.press('Escape');
    await auditor.getByTestId('events-search').click();
    await auditor.waitForURL(/type=AssignmentIssued/);
    // The previous page stays on screen while the filtered one loads: wait until only issued events show.
    const rows = auditor.locator('[data-testid="event-log"] tbody tr.ant-table-row');
    const typeCells = auditor.locator('[data-testid="event-log"] tbody tr.ant-table-row td:nth-child(3)');
    await until(auditor, 'the filtered page', async () => {
      const cells = await typeCells.allTextContents();
      return cells.length === 50 && cells.every((text) => text.includes('AssignmentIssued'));
    });
    expect(await rows.count()).toBe(50);
    const firstPage = await auditor.getByTestId('event-hash').allTextContents();
    await snap(auditor, '20-audit-event-log');
    await expectAccessible(auditor, 'the event log');

    await auditor.getByTestId('events-next').click();
    await auditor.getByTestId('events-page').filter({ hasText: '第 2 页' }).waitFor();
    await until(auditor, 'page 2', async () => {
      const hashes = await auditor.getByTestId('event-hash').allTextContents();
      return hashes.length > 0 && hashes[0] !== firstPage[0];
    });
    const secondPage = await auditor.getByTestId('event-hash').allTextContents();
    expect(secondPage.filter((hash) => firstPage.includes(hash))).toEqual([]);
  });

  it('sees the assignment as it stood before the submission, with a banner naming the moment; then as it stands now', async () => {
    await auditor.goto(`/app/assignments/${encodeURIComponent(WORK)}?asOf=${encodeURIComponent('2022-01-09T12:00:00+08:00')}&basis=business`);
    const banner = auditor.getByTestId('as-of-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('2022年1月9日 星期日 12:00');
    expect(await banner.textContent()).toContain('业务时间');
    const status = auditor.locator('[data-testid="measure-title"] ~ [data-testid="status-tag"]');
    expect(await status.getAttribute('data-status')).not.toBe('submitted');
    await snap(auditor, '21-audit-assignment-as-of');
    await expectAccessible(auditor, 'the assignment as of a moment');

    await auditor.getByTestId('as-of-now').click();
    await auditor.locator('[data-testid="measure-title"] ~ [data-testid="status-tag"][data-status="submitted"]').waitFor();
    expect(await auditor.getByTestId('as-of-banner').count()).toBe(0);
  });

  it('views a department as of a moment, with the banner', async () => {
    await auditor.goto(`/app/audit/departments/haibin-primary?plan=${PLAN}&asOf=${encodeURIComponent('2022-01-09T12:00:00+08:00')}&basis=business`);
    await auditor.getByTestId('as-of-banner').waitFor();
    await auditor.locator('[data-testid="department-assignments"] tbody tr.ant-table-row').first().waitFor();
    expect(await auditor.locator('[data-testid="department-assignments"] [data-status="submitted"]').count()).toBe(0);
    await snap(auditor, '22-audit-department-as-of');
    await expectAccessible(auditor, 'a department as of a moment');
  });

  it('runs the chain check and sees the digest and no broken link', async () => {
    await auditor.getByTestId('nav-audit-verify').click();
    await auditor.getByTestId('verify-run').click();
    await auditor.getByTestId('verify-intact').waitFor();
    expect(await auditor.getByTestId('verify-digest').textContent()).toMatch(/[0-9a-f]{64}/);
    await snap(auditor, '23-audit-verify');
    await expectAccessible(auditor, 'the verify page');
  });

  it('downloads the plan export as xlsx, which opens with exceljs', async () => {
    await auditor.getByTestId('nav-audit-export').click();
    await auditor.locator('#export-plan').click();
    await auditor.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await snap(auditor, '24-audit-export');
    await expectAccessible(auditor, 'the export page');
    const [download] = await Promise.all([auditor.waitForEvent('download'), auditor.getByTestId('export-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${PLAN}-as-of-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['事项 Assignments', '事件 Events', '说明 About']);
    expect(workbook.getWorksheet('事项 Assignments')!.rowCount).toBeGreaterThan(1);
  });

  it('lists the sign-in records and exports them as csv', async () => {
    await auditor.getByTestId('nav-audit-sign-ins').click();
    await auditor.locator('[data-testid="sign-ins"] tbody tr.ant-table-row').first().waitFor();
    expect(await auditor.locator('[data-testid="sign-ins"]').textContent()).toContain(AUDITOR.id);
    await snap(auditor, '25-audit-sign-ins');
    await expectAccessible(auditor, 'the sign-in records');
    const [download] = await Promise.all([auditor.waitForEvent('download'), auditor.getByTestId('sign-ins-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^sign-ins-.*\.csv$/);
    expect(readFileSync((await download.path())!, 'utf8')).toContain('SignedIn');
  });
});

describe('an admin', () => {
  let admin: Page;

  it('invites a person and sees the invitation link; revokes them', async () => {
    admin = await pageFor();
    await signIn(admin, ADMIN.id, PASSWORD);
    await admin.getByTestId('nav-admin-people').click();
    await admin.getByRole('heading', { name: '人员', exact: true }).waitFor();
    await admin.locator('#id').fill('sun.auditor');
    await admin.locator('#name').fill('孙审计');
    await admin.locator('#roles').click();
    await admin.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '审计员' }).click();
    await admin.keyboard.press('Escape');
    await admin.getByTestId('invite-submit').click();
    const link = admin.getByTestId('invitation-link');
    await link.waitFor();
    expect(await link.textContent()).toMatch(/\/app\/invitations\/[A-Za-z0-9_-]+/);
    await admin.locator('[data-testid="people"]').getByText('sun.auditor').waitFor();
    await snap(admin, '26-admin-people');
    await expectAccessible(admin, 'the people page');

    await admin.getByTestId('revoke-sun.auditor').click();
    await admin.getByTestId('revoke-confirm').click();
    await admin.locator('[data-testid="people"] tr').filter({ hasText: 'sun.auditor' }).getByText('已停用').waitFor();
  });

  it('advances the demo clock by days and sees what fired', async () => {
    await admin.getByTestId('nav-admin-clock').click();
    await admin.getByTestId('clock-now').getByText('2022年1月10日').waitFor();
    await admin.getByLabel('前进天数').fill('3');
    await admin.getByTestId('clock-advance').click();
    const log = admin.getByTestId('clock-log');
    await log.waitFor({ timeout: 120_000 }).catch(async (error: Error) => {
      await snap(admin, '27-admin-clock-failed');
      throw error;
    });
    expect(await log.textContent()).toMatch(/2022年1月13日.*触发了 \d+ 个定时器/);
    await admin.getByTestId('clock-now').getByText('2022年1月13日').waitFor();
    await snap(admin, '27-admin-clock');
    await expectAccessible(admin, 'the clock panel');
    // Sessions run on real time (ADR 0012): three days of business later the admin is still signed in.
    await admin.reload();
    await admin.getByTestId('clock-now').getByText('2022年1月13日').waitFor();
    expect(await admin.locator('#login').count()).toBe(0);
  });
});

describe('a department head', () => {
  it('gets 无权访问 on the event log, and sees no audit entries in the header', async () => {
    const head = await pageFor();
    await signIn(head, HEAD.id, PASSWORD);
    await head.getByRole('heading', { name: '我的待办' }).waitFor();
    expect(await head.getByTestId('nav-audit-events').count()).toBe(0);
    await head.goto('/app/audit/events');
    await head.getByTestId('forbidden').waitFor();
  });
});

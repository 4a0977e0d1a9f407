import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expectOk } from '../service/support/http';
import { expectAccessible, openPage, personWithPassword, reloadUntil, signIn, snap, startWebHarness, type WebHarness } from './support/web-harness';

/**
 * Ordered, undated phases on the plan page (ADR 0019), in Debian's Chromium against the real
 * service: the example plan a few days after its dated stage closed by its date. The planner sees
 * 学校自诊自查阶段 open and the stages after it waiting (待前一阶段结束), closes it with 结束本阶段
 * after confirming, and sees 全面落实整改阶段 open; the self-check's work was issued when it opened.
 */
jest.setTimeout(240_000);

const PLAN = 'example-ordered-phases';
const yaml = readFileSync(join(__dirname, '../../workflows/examples/ordered-phases.yaml'), 'utf8');
const PLANNER = { id: 'li.planner', name: '李规划', roles: ['planner'], departments: [] };
const PASSWORD = 'Autumn-Wind-Over-The-River-9';

let harness: WebHarness;

beforeAll(async () => {
  harness = await startWebHarness({ clockStart: '2023-08-30T09:00:00+08:00' });
  expectOk(await harness.api('POST', '/plans', yaml), 'import');
  expectOk(await harness.api('POST', `/plans/${PLAN}/publish`), 'publish');
  // 反馈问题阶段 closed on 31 October by its date: 学校自诊自查阶段 opened then.
  expectOk(await harness.api('POST', '/admin/clock', { set: '2023-11-06T09:00:00+08:00' }), 'advance the clock');
  await personWithPassword(harness, PLANNER, PASSWORD);
}, 300_000);

afterAll(async () => {
  await harness?.close();
});

describe('a planner ends an undated phase', () => {
  let page: Page;

  beforeAll(async () => {
    page = await openPage(harness);
    await signIn(page, PLANNER.id, PASSWORD);
    await page.getByTestId('nav-plans').waitFor();
  });

  it('sees the undated stages: the one open with 结束本阶段, the ones after it waiting for the previous one', async () => {
    await page.goto(`/app/plans/${PLAN}`);
    await reloadUntil(page, '[data-testid="ordered-phases"]', /学校自诊自查阶段[\s\S]*进行中[\s\S]*全面落实整改阶段[\s\S]*待前一阶段结束[\s\S]*总结阶段[\s\S]*待前一阶段结束/, 60);
    const card = page.getByTestId('ordered-phases');
    expect(await card.innerText()).toContain('“反馈问题阶段”结束后开始');
    await page.getByTestId('phase-close-self-check').waitFor();
    expect(await page.getByTestId('phase-close-rectify').count()).toBe(0);
    await page.getByTestId('timeline-ready').waitFor();
    await expectAccessible(page, 'the plan page with ordered phases');
    await snap(page, 'ordered-phases-waiting');
  });

  it('closes it after confirming; the next stage opens', async () => {
    await page.getByTestId('phase-close-self-check').click();
    const confirm = page.locator('.ant-popconfirm');
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain('“全面落实整改阶段”将随即开始');
    await snap(page, 'ordered-phases-confirm');
    await confirm.getByRole('button', { name: /确\s*认/ }).click();
    await reloadUntil(page, '[data-testid="ordered-phases"]', /学校自诊自查阶段[\s\S]*已结束[\s\S]*全面落实整改阶段[\s\S]*进行中/, 60);
    await page.getByTestId('phase-close-rectify').waitFor();
    await snap(page, 'ordered-phases-closed');
  });

  it('the import preview says what opens and closes an undated phase instead of dates', async () => {
    await page.getByTestId('nav-import-plan').click();
    await page.getByTestId('plan-source-text').fill(yaml.replace('id: example-ordered-phases', 'id: example-ordered-copy'));
    await page.getByTestId('check-plan').click();
    await page.getByTestId('plan-preview').waitFor();
    const phases = await page.getByTestId('preview-phases').innerText();
    expect(phases).toMatch(/学校自诊自查阶段[\s\S]*“反馈问题阶段”结束后开始[\s\S]*规划人员宣布结束/);
    await page.getByTestId('preview-phases').scrollIntoViewIfNeeded();
    await snap(page, 'ordered-phases-import-preview');
  });

  it('the service answers 409 when a planner closes a phase that is not open, saying why', async () => {
    const answer = await harness.api('POST', `/plans/${PLAN}/phases/summary/close`, {});
    expect(answer.status).toBe(409);
    expect(JSON.stringify(answer.body)).toContain('phase summary is not open: it is waiting for phase rectify to close');
  });
});

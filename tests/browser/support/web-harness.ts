import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildOpenApiDocument } from '@planledger/api/testing';
import { call, expectOk } from '../../service/support/http';
import { freePort, ServiceProcess } from '../../service/support/service-process';
import { bearerFor } from '../../service/support/tokens';

/** The web app built when its sources changed (the same script bin/planledger-service.cjs runs). */
const buildWebWhenStale = () => execFileSync(process.execPath, [join(__dirname, '..', '..', '..', 'scripts', 'build-web.cjs')], { stdio: 'pipe' });

/** Debian's chromium (scripts/setup.cjs installs it with fonts-noto-cjk); CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const SCREENSHOTS = join(__dirname, '..', 'screenshots');
export const VIEWPORT = { width: 1366, height: 768 };

/**
 * Whether the upload route (POST /assignments/{id}/files) is part of this service: read from the
 * same OpenAPI document /openapi.json serves, built in-process (synchronously, so that jest can
 * decide while collecting the tests). The file steps run when it is there.
 */
export const FILES_ROUTE = '/assignments/{id}/files' in (buildOpenApiDocument().paths as Record<string, unknown>);
export const describeIfFilesRoute = FILES_ROUTE ? describe : describe.skip;

export interface WebHarness {
  baseUrl: string;
  dataDir: string;
  service: ServiceProcess;
  browser: Browser;
  /** planner + admin (a bearer token: a program, not a browser). */
  bureau: Record<string, string>;
  api(method: string, path: string, body?: unknown, headers?: Record<string, string>): ReturnType<typeof call>;
  close(): Promise<void>;
}

/**
 * The real service (bin/planledger-service.cjs, as `npm start` runs it) on a free port, with
 * PGlite in a temporary DATA_DIR and the virtual clock; the web app built first when stale;
 * Debian's Chromium driven by playwright-core.
 */
export async function startWebHarness(options: { clockStart: string }): Promise<WebHarness> {
  buildWebWhenStale();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'planledger-web-'));
  const port = freePort();
  const service = await ServiceProcess.start({
    args: ['--virtual-clock'],
    port,
    env: { DATA_DIR: dataDir, VIRTUAL_CLOCK_START: options.clockStart, REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379', QUEUE_NAME: `web-${port}` },
  });
  const bureau = await bearerFor({ dataDir }, { subject: 'bureau-office', roles: ['planner', 'admin'] });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  const baseUrl = service.baseUrl!;
  return {
    baseUrl, dataDir, service, browser, bureau,
    api: (method, path, body, headers) => call(baseUrl, method, path, body, headers ?? bureau),
    close: async () => {
      await browser.close();
      await service.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A browser context of its own (cookies, storage) at 1366×768, in Shanghai. */
export async function newPage(harness: WebHarness): Promise<{ context: BrowserContext; page: Page }> {
  const context = await harness.browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: harness.baseUrl });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { context, page };
}

/** A page in a context of its own; closing the harness closes the browser, and with it every context. */
export async function openPage(harness: WebHarness): Promise<Page> {
  return (await newPage(harness)).page;
}

/** Registers a person and answers the path of their invitation page (/app/invitations/<token>). */
export async function invite(harness: WebHarness, person: { id: string; name: string; roles: string[]; departments: string[] }): Promise<string> {
  const answer = expectOk(await harness.api('POST', '/admin/people', person), `register ${person.id}`) as { invitationUrl: string };
  return new URL(answer.invitationUrl).pathname;
}

/** A person with a password, set through their invitation without a browser (as a program would). */
export async function personWithPassword(harness: WebHarness, person: { id: string; name: string; roles: string[]; departments: string[] }, password: string): Promise<void> {
  const path = await invite(harness, person);
  const token = path.split('/').pop()!;
  expectOk(await call(harness.baseUrl, 'POST', `/invitations/${token}`, { password }), `password of ${person.id}`);
}

export async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/app/sign-in');
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** axe-core on the page as it is: no serious or critical violations (WCAG 2 A and AA rules). */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 4).map((n) => `  ${n.target.join(' ')}: ${n.html.slice(0, 160)}\n    ${(n.failureSummary ?? '').replace(/\n/g, ' ')}`).join('\n')}`);
  if (bad.length) throw new Error(`accessibility of ${what}:\n${bad.join('\n')}`);
}

/** A screenshot at 1366×768 into tests/browser/screenshots/ (git-ignored) for a reviewer to look at. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Reloads until `text` shows in `selector` (the inbox is a read model: it follows the store within moments). */
export async function reloadUntil(page: Page, selector: string, text: string | RegExp, seconds = 20): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const content = (await page.locator(selector).first().textContent({ timeout: 10_000 }).catch(() => '')) ?? '';
    if (typeof text === 'string' ? content.includes(text) : text.test(content)) return;
    if (Date.now() > deadline) throw new Error(`"${String(text)}" did not show in ${selector}; it shows: ${content.slice(0, 500)}`);
    await page.waitForTimeout(300);
    await page.reload();
  }
}

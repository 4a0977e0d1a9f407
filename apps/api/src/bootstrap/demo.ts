import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { issueToken, loadSigningKeys } from '@planledger/auth';

const DEMO_PLAN_FILE = 'workflows/lianyun-quality-2021-2024.yaml';
const DEMO_ZONE = 'Asia/Shanghai';

/**
 * `npm run demo`: the Lianyun plan, rebased to start today, imported and published through the
 * API like a planner would, then a few lines saying where to look. Running it again reuses it.
 */
export async function runDemo(address: string, print: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // The demo acts as the bureau's planner, with a token signed by the service's own key.
  const keys = await loadSigningKeys({ privateKeyFile: env.AUTH_PRIVATE_KEY_FILE || undefined, dataDir: env.DATA_DIR || './data', createIfMissing: false });
  const { token } = await issueToken(keys, { subject: 'demo-planner', name: '演示规划员', roles: ['planner', 'admin'], lifetimeSeconds: 7 * 86_400 });
  const auth = { authorization: `Bearer ${token}` };
  const today = DateTime.now().setZone(DEMO_ZONE).toISODate()!;
  const yaml = readFileSync(join(process.cwd(), DEMO_PLAN_FILE), 'utf8');
  const planId = /^\s+id:\s*([\w-]+)/m.exec(yaml)?.[1] ?? 'lianyun-quality-2021-2024';
  const existing = await fetch(`${address}/plans/${planId}`, { headers: auth });
  if (existing.status === 404) {
    const imported = await fetch(`${address}/plans?rebase=${today}`, { method: 'POST', headers: { ...auth, 'content-type': 'application/yaml' }, body: yaml });
    if (!imported.ok) throw new Error(`demo: importing ${DEMO_PLAN_FILE} failed (${imported.status}): ${await imported.text()}`);
    const published = await fetch(`${address}/plans/${planId}/publish?confirmPastDue=true`, { method: 'POST', headers: auth });
    if (!published.ok) throw new Error(`demo: publishing failed (${published.status}): ${await published.text()}`);
    // Fire what is due already (the first theme year opened at 00:00 today) before anyone looks.
    const clock = (await (await fetch(`${address}/admin/clock`, { headers: auth })).json()) as { now: string };
    const fired = await fetch(`${address}/admin/clock`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ set: clock.now }) });
    if (!fired.ok) throw new Error(`demo: firing today's timers failed (${fired.status}): ${await fired.text()}`);
    print(`demo: imported ${DEMO_PLAN_FILE} rebased to start ${today} and published it as "${planId}"; today's work is issued`);
  } else {
    print(`demo: plan "${planId}" is already here (data in ./data/demo); delete that folder to start over`);
  }
  print('');
  print('  a planner token for the demo (planner and admin, 7 days): export TOKEN=' + token);
  print(`  plans          curl -s -H "Authorization: Bearer $TOKEN" ${address}/plans`);
  print(`  the plan       curl -s -H "Authorization: Bearer $TOKEN" ${address}/plans/${planId}`);
  print(`  a school inbox curl -s -H "Authorization: Bearer $TOKEN" ${address}/departments/xugou-primary/inbox`);
  print(`  move time      curl -s -H "Authorization: Bearer $TOKEN" -X POST ${address}/admin/clock -H 'content-type: application/json' -d '{"advance":"P30D"}'`);
  print(`  history        curl -s -H "Authorization: Bearer $TOKEN" ${address}/plans/${planId}/history`);
  print(`  API docs       ${address}/docs      metrics ${address}/metrics`);
  print('');
  print('The README walks through the rest (submit, accept, read the history). Ctrl-C stops the service.');
}

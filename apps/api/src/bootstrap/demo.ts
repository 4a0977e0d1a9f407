import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';

const DEMO_PLAN_FILE = 'workflows/lianyun-quality-2021-2024.yaml';
const DEMO_ZONE = 'Asia/Shanghai';

/**
 * `npm run demo`: the Lianyun plan, rebased to start today, imported and published through the
 * API like a planner would, then a few lines saying where to look. Running it again reuses it.
 */
export async function runDemo(address: string, print: (line: string) => void): Promise<void> {
  const today = DateTime.now().setZone(DEMO_ZONE).toISODate()!;
  const yaml = readFileSync(join(process.cwd(), DEMO_PLAN_FILE), 'utf8');
  const planId = /^\s+id:\s*([\w-]+)/m.exec(yaml)?.[1] ?? 'lianyun-quality-2021-2024';
  const existing = await fetch(`${address}/plans/${planId}`);
  if (existing.status === 404) {
    const imported = await fetch(`${address}/plans?rebase=${today}`, { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: yaml });
    if (!imported.ok) throw new Error(`demo: importing ${DEMO_PLAN_FILE} failed (${imported.status}): ${await imported.text()}`);
    const published = await fetch(`${address}/plans/${planId}/publish`, { method: 'POST' });
    if (!published.ok) throw new Error(`demo: publishing failed (${published.status}): ${await published.text()}`);
    print(`demo: imported ${DEMO_PLAN_FILE} rebased to start ${today} and published it as "${planId}"`);
  } else {
    print(`demo: plan "${planId}" is already here (data in ./data/demo); delete that folder to start over`);
  }
  print('');
  print(`  plans          curl -s ${address}/plans`);
  print(`  the plan       curl -s ${address}/plans/${planId}`);
  print(`  a school inbox curl -s ${address}/departments/xugou-primary/inbox`);
  print(`  move time      curl -s -X POST ${address}/admin/clock -H 'content-type: application/json' -d '{"advance":"P30D"}'`);
  print(`  history        curl -s ${address}/plans/${planId}/history`);
  print(`  API docs       ${address}/docs      metrics ${address}/metrics`);
  print('');
  print('The README walks through the rest (submit, accept, read the history). Ctrl-C stops the service.');
}

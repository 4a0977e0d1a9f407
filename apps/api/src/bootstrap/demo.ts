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
  await printSignInLinks(address, auth, print);
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

/** The demo's people: a planner, a school head, the liaison (包校领导) who reviews that school, an auditor. */
const DEMO_PEOPLE = [
  { id: 'demo-planner', name: '演示·规划员', roles: ['planner'], departments: [], label: 'planner (bureau)' },
  { id: 'demo-head-xugou', name: '演示·墟沟小学校长', roles: ['department_head'], departments: ['xugou-primary'], label: 'school head, xugou-primary' },
  { id: 'demo-liaison-1', name: '演示·副局长甲(包校)', roles: ['department_head'], departments: ['liaison-deputy-1'], label: "xugou-primary's liaison" },
  { id: 'demo-auditor', name: '演示·审计员', roles: ['auditor'], departments: [], label: 'auditor' },
];

/**
 * One-time sign-in links (each sets that person's password), so that a visitor is inside within
 * a minute. Demo only: a real deployment invites people through POST /admin/people. Each run
 * prints fresh links (a new link also resets a demo person's password).
 */
async function printSignInLinks(address: string, auth: Record<string, string>, print: (line: string) => void): Promise<void> {
  print('');
  print('  DEMO ONLY: one-time sign-in links (each sets a password for that demo person, valid 7 days):');
  for (const person of DEMO_PEOPLE) {
    const { label, ...body } = person;
    let answer = await fetch(`${address}/admin/people`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (answer.status === 409) answer = await fetch(`${address}/admin/people/${person.id}/invitations`, { method: 'POST', headers: auth });
    if (!answer.ok) throw new Error(`demo: inviting ${person.id} failed (${answer.status}): ${await answer.text()}`);
    const { invitationUrl } = (await answer.json()) as { invitationUrl: string };
    print(`    ${label.padEnd(28)} login ${person.id.padEnd(16)} ${invitationUrl}`);
  }
}

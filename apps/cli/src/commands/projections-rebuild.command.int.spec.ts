import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { PlanSchedule } from '@planledger/domain';
import { CommandExecutor } from '@planledger/engine';
import { openEventStorage } from '@planledger/event-store';
import { rebuildProjections } from './projections-rebuild.command';

const planner = { userId: 'u-planner', role: 'planner' as const };
const schedule: PlanSchedule = {
  planId: 'cli-plan', title: '计划', documentNumber: '1', issuingAuthority: 'bureau', timeZone: 'Asia/Shanghai',
  startsAt: '2021-08-31T16:00:00.000Z', endsAt: '2022-08-31T15:59:59.999Z', departments: [],
  phases: [{ phaseId: 'p1', name: '阶段', kind: 'stage', order: 1, opensAt: '2022-02-01T00:00:00.000Z', closesAt: '2022-04-01T00:00:00.000Z', focus: [] }],
  obligations: [],
};

const capture = () => {
  const stream = Object.assign(new PassThrough(), { isTTY: false });
  let text = '';
  stream.on('data', (chunk) => (text += String(chunk)));
  return { stream, text: () => text };
};

describe('planledger projections rebuild', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'planledger-cli-rebuild-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('replays the PGlite store under DATA_DIR and prints one summary line when not on a terminal', async () => {
    const storage = await openEventStorage({ dataDir: join(dataDir, 'pglite') });
    const executor = new CommandExecutor(storage.store);
    const at = '2022-01-10T00:00:00.000Z';
    await executor.execute({ aggregate: 'plan', planId: 'cli-plan' }, { type: 'DraftPlan', data: { planId: 'cli-plan', schedule, source: { fileName: 'x.yaml', format: 'yaml', text: '' } }, metadata: { actor: planner, at } });
    await executor.execute({ aggregate: 'plan', planId: 'cli-plan' }, { type: 'PublishPlan', data: { planId: 'cli-plan' }, metadata: { actor: planner, at } });
    await storage.close();

    const stdout = capture();
    const stderr = capture();
    const code = await rebuildProjections({ env: { DATA_DIR: dataDir }, stdout: stdout.stream, stderr: stderr.stream });

    expect({ code, stderr: stderr.text() }).toEqual({ code: 0, stderr: '' });
    expect(stdout.text()).toMatch(/^rebuilt the read models from 2 events \(pglite\) in [\d.]+ s: read_plans 1, read_schedule_tallies 0, read_phases 0, read_assignments 0, read_timers 3, read_roster 0\n$/);
  });

  it('names the bad variable and exits 1', async () => {
    const stderr = capture();
    const code = await rebuildProjections({ env: { DATABASE_URL: 'mysql://x' }, stdout: capture().stream, stderr: stderr.stream });
    expect(code).toBe(1);
    expect(stderr.text()).toContain('DATABASE_URL: must be a postgres://');
  });
});

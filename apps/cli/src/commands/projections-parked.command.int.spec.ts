import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import type { PlanSchedule } from '@planledger/domain';
import { CommandExecutor } from '@planledger/engine';
import { openEventStorage, type StoredEvent } from '@planledger/event-store';
import { migrateReadModels, rebuildReadModels } from '@planledger/projections';
import { registerProjectionsParkedCommands } from './projections-parked.command';

const planner = { userId: 'u-planner', role: 'planner' as const };
const schedule: PlanSchedule = {
  planId: 'cli-plan', title: '计划', documentNumber: '1', issuingAuthority: 'bureau', timeZone: 'Asia/Shanghai',
  startsAt: '2021-08-31T16:00:00.000Z', endsAt: '2022-08-31T15:59:59.999Z', departments: [], phases: [], obligations: [],
};

const capture = () => {
  const stream = Object.assign(new PassThrough(), { isTTY: false });
  let text = '';
  stream.on('data', (chunk) => (text += String(chunk)));
  return { stream, text: () => text };
};

describe('planledger projections parked|skip|retry', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'planledger-cli-parked-'));
  let poisoned: StoredEvent;
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  afterEach(() => {
    process.exitCode = undefined;
  });

  async function run(...args: string[]): Promise<{ code: number | undefined; out: string; err: string }> {
    const stdout = capture();
    const stderr = capture();
    const program = new Command('planledger').exitOverride();
    registerProjectionsParkedCommands(program, { env: { DATA_DIR: dataDir, PLANLEDGER_ACTOR: 'ops.wu' }, stdout: stdout.stream, stderr: stderr.stream });
    await program.parseAsync(['node', 'planledger', ...args]);
    return { code: process.exitCode as number | undefined, out: stdout.text(), err: stderr.text() };
  }

  beforeAll(async () => {
    const storage = await openEventStorage({ dataDir: join(dataDir, 'pglite') });
    await migrateReadModels(storage.database);
    await new CommandExecutor(storage.store).execute({ aggregate: 'plan', planId: 'cli-plan' }, {
      type: 'DraftPlan', data: { planId: 'cli-plan', schedule, source: { fileName: 'x.yaml', format: 'yaml', text: '' } }, metadata: { actor: planner, at: '2022-01-10T00:00:00.000Z' },
    });
    for await (const event of storage.store.readStream('plan-cli-plan')) poisoned = event;
    const data = { ...(poisoned.data as object), planId: 'bad', schedule: { ...schedule, planId: 'bad', startsAt: '+010000-01-01T00:00:00.000Z' } };
    await storage.store.append('plan-bad', [{ eventId: randomUUID(), type: poisoned.type, schemaVersion: poisoned.schemaVersion, data, metadata: poisoned.metadata }], 'no_stream');
    for await (const event of storage.store.readStream('plan-bad')) poisoned = event;
    await rebuildReadModels({ store: storage.store, database: storage.database });
    await storage.close();
  });

  it('lists the parked event with its error', async () => {
    const { code, out } = await run('projections', 'parked');
    expect(code).toBe(0);
    expect(out).toContain(`PlanDrafted ${poisoned.eventId}`);
    expect(out).toContain('stream plan-bad, revision 0');
  });

  it('skip records the decision as an event, and the next batch (here a rebuild) applies it', async () => {
    const { code, out } = await run('projections', 'skip', poisoned.eventId, '--reason', 'a bad rebase');
    expect(code).toBe(0);
    expect(out).toMatch(/^recorded ProjectionEventSkipped for PlanDrafted/);
    const storage = await openEventStorage({ dataDir: join(dataDir, 'pglite') });
    await rebuildReadModels({ store: storage.store, database: storage.database });
    await storage.close();
    expect((await run('projections', 'parked')).out).toBe('no parked events\n');
    expect((await run('projections', 'parked', '--all')).out).toContain('skipped at');
  });

  it('refuses a target that is not parked, naming it, with exit 1', async () => {
    const { code, err } = await run('projections', 'retry', 'no-such-event');
    expect(code).toBe(1);
    expect(err).toContain('projections retry: no parked event has the id or position "no-such-event"');
  });
});

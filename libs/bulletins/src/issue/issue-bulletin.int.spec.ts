import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPlanEvents, verifyReferencedFiles, type AsOf, type PlanEvents } from '@planledger/audit';
import { PLAN_ID, day } from '@planledger/domain/testing';
import { CommandExecutor } from '@planledger/engine';
import type { EventStore } from '@planledger/event-store';
import { openFreshPgliteStore } from '@planledger/event-store/testing';
import { knownHistory } from '../testing/known-history';
import { BulletinNumberTakenError, issueBulletin, nextBulletinNumber, readIssuedBulletins } from './issue-bulletin';

describe('issuing bulletins (PGlite)', () => {
  let store: EventStore;
  let loaded: PlanEvents;
  const filesDir = mkdtempSync(join(tmpdir(), 'planledger-bulletin-files-'));
  const asOf: AsOf = { instant: day(10), basis: 'business', requested: '2022-03-15' };
  const context = () => ({ store, filesDir, actor: { userId: 'wang.office', role: 'planner' }, now: new Date('2022-03-16T02:00:00Z') });

  beforeAll(async () => {
    store = await openFreshPgliteStore();
    const executor = new CommandExecutor(store);
    for (const { target, command } of knownHistory().steps) {
      const result = await executor.execute(target, command);
      if (!result.ok) throw new Error(`${command.type}: ${result.error.message}`);
    }
    loaded = (await loadPlanEvents(store, PLAN_ID))!;
  }, 120_000);
  afterAll(() => store?.close());

  it('given concurrent issues without a number, then each gets its own number in sequence and all are recorded', async () => {
    const issued = await Promise.all([1, 2, 3].map(() => issueBulletin(loaded, { asOf }, context())));
    expect(issued.map((i) => i.bulletin.number).sort()).toEqual(['連區教督〔2022〕1号', '連區教督〔2022〕2号', '連區教督〔2022〕3号']);
    expect((await readIssuedBulletins(store, PLAN_ID)).bulletins).toHaveLength(3);
    const files = await verifyReferencedFiles(store, filesDir);
    expect(files.problems).toEqual([]);
  });

  it('given concurrent issues of one given number, then exactly one is recorded and the others are refused by name', async () => {
    const outcomes = await Promise.allSettled([1, 2, 3].map(() => issueBulletin(loaded, { asOf, number: '連區教督〔2022〕10号' }, context())));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')) expect(o.reason).toBeInstanceOf(BulletinNumberTakenError);
    // A generated number after a hand-given one continues from the highest.
    expect(nextBulletinNumber((await readIssuedBulletins(store, PLAN_ID)).bulletins, '連區教督', 2022)).toBe('連區教督〔2022〕11号');
    expect(nextBulletinNumber([{ number: '連區教督〔2021〕7號' }], '連區教督', 2022)).toBe('連區教督〔2022〕1号');
  });
});

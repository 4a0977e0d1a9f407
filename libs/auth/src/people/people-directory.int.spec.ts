import { openFreshPgliteStore } from '@planledger/event-store/testing';
import type { EventStore } from '@planledger/event-store';
import { CommandExecutor, ManualClock } from '@planledger/engine';
import { DIRECTORY_STREAM } from '@planledger/domain';
import { PeopleDirectory, PersonConflictError, PersonNotFoundError } from './people-directory';

const admin = { userId: 'admin', role: 'admin' };

describe('people directory (stream "directory")', () => {
  let store: EventStore;
  beforeAll(async () => {
    store = await openFreshPgliteStore();
  });
  afterAll(async () => {
    await store?.close();
  });

  it('registers and revokes people as events; a second instance rebuilds the same state from the stream', async () => {
    const handled: string[] = [];
    const executor = new CommandExecutor(store, { commandHandled: (type, outcome) => handled.push(`${type}:${outcome}`) });
    const directory = new PeopleDirectory(store, { clock: new ManualClock(new Date('2022-03-01T08:00:00.000Z')), executor });
    await directory.register({ personId: 'li', name: '李四', roles: ['department_head'], departments: ['xugou-primary'] }, admin);
    await expect(directory.register({ personId: 'li', name: '李四', roles: ['planner'], departments: [] }, admin)).rejects.toBeInstanceOf(PersonConflictError);
    expect(await directory.isRevoked('li')).toBe(false);
    await directory.revoke('li', 'left the school', admin);
    await directory.revoke('li', 'again', admin);
    expect(await directory.isRevoked('li')).toBe(true);
    await expect(directory.revoke('nobody', 'x', admin)).rejects.toBeInstanceOf(PersonNotFoundError);

    const events = [];
    for await (const event of store.readStream(DIRECTORY_STREAM)) events.push(event);
    expect(events.map((e) => [e.type, e.schemaVersion, e.metadata.actor?.userId])).toEqual([['PersonRegistered', 1, 'admin'], ['PersonRevoked', 1, 'admin']]);

    const rebuilt = new PeopleDirectory(store);
    // Business time is the service clock's (here a manual one), not the wall clock.
    expect(await rebuilt.list()).toEqual([
      expect.objectContaining({ personId: 'li', name: '李四', registeredAt: '2022-03-01T08:00:00.000Z', revokedAt: '2022-03-01T08:00:00.000Z', revokedReason: 'left the school' }),
    ]);
    expect(events.map((e) => e.metadata.businessTime)).toEqual(['2022-03-01T08:00:00.000Z', '2022-03-01T08:00:00.000Z']);
    // Every command went through the command executor, refusals and no-ops included.
    expect(handled).toEqual(['RegisterPerson:accepted', 'RegisterPerson:rejected', 'RevokePerson:accepted', 'RevokePerson:nothing_to_do', 'RevokePerson:rejected']);
  });

  it('two processes registering at once both land: the executor re-reads and decides again on a concurrent append', async () => {
    const clock = new ManualClock(new Date('2022-03-02T08:00:00.000Z'));
    const [one, two] = [new PeopleDirectory(store, { clock }), new PeopleDirectory(store, { clock })];
    await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? one : two).register({ personId: `p${i}`, name: `P${i}`, roles: ['planner'], departments: [] }, admin)));
    expect((await new PeopleDirectory(store).list()).map((p) => p.personId).filter((id) => id.startsWith('p')).sort()).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5']);
  });
});

import type { StoredEvent } from '@planledger/event-store';
import { eventsWhileHeld } from './department-events';

const event = (revision: number, type: string, data: Record<string, unknown>): StoredEvent => ({
  stream: 'assignment-p.m1.a.once', revision: BigInt(revision), position: { commit: 1n, prepare: BigInt(revision) }, eventId: `e${revision}`,
  type, schemaVersion: 1, data, metadata: { businessTime: `2022-02-0${revision + 1}T00:00:00.000Z` }, recordedAt: new Date(0), prevHash: '', hash: `h${revision}`,
});

describe('eventsWhileHeld', () => {
  // Issued to a, reassigned to b, worked by b, reassigned to c, worked by c.
  const stream = [
    event(0, 'AssignmentIssued', { obligation: { departmentId: 'a' } }),
    event(1, 'AssignmentReassigned', { fromDepartmentId: 'a', toDepartmentId: 'b' }),
    event(2, 'AssignmentAcknowledged', { departmentId: 'b' }),
    event(3, 'AssignmentReassigned', { fromDepartmentId: 'b', toDepartmentId: 'c' }),
    event(4, 'AssignmentSubmitted', { departmentId: 'c' }),
  ];
  const revisionsFor = (department: string) => eventsWhileHeld(department, stream, { planId: 'p', assignmentId: 'm1.a.once' }).map((e) => e.revision);

  it('keeps the events from receiving the work up to and including handing it on', () => {
    expect(revisionsFor('a')).toEqual([0, 1]);
    expect(revisionsFor('b')).toEqual([1, 2, 3]);
    expect(revisionsFor('c')).toEqual([3, 4]);
    expect(revisionsFor('d')).toEqual([]);
  });
});

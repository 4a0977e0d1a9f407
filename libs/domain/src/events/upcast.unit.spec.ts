import { upcast, upcasters, UnknownEventError, type SchemaVersions, type StoredEventShape, type UpcasterRegistry } from './upcast';
import { currentSchemaVersions, isPlanledgerEventType } from './planledger-event';
import { head } from '../testing/fixtures';

const stored = (over: Partial<StoredEventShape> = {}): StoredEventShape => ({
  type: 'AssignmentSubmitted',
  schemaVersion: 1,
  at: '2022-03-01T00:00:00.000Z',
  actor: head,
  data: { assignmentId: 'm1.school-a.once', departmentId: 'school-a', note: '方案', attachments: [], late: false, reviewer: 'liaison' },
  ...over,
});

describe('upcast', () => {
  it('the real registry is empty and every type is at version 1 (no stored event has changed shape yet)', () => {
    expect(upcasters).toEqual({});
    expect(new Set(Object.values(currentSchemaVersions))).toEqual(new Set([1]));
  });
  it('passes a current event through unchanged', () => {
    const e = stored();
    expect(upcast(e)).toEqual(e);
  });
  it('fails on an unknown type with UnknownEventError', () => {
    expect(() => upcast(stored({ type: 'AssignmentTeleported' }))).toThrow(UnknownEventError);
    expect(() => upcast(stored({ type: 'toString' }))).toThrow(/unknown event type/);
    expect(isPlanledgerEventType('constructor')).toBe(false);
  });
  it('fails on a version newer than this code with UnknownEventError', () => {
    let error: unknown;
    try {
      upcast(stored({ schemaVersion: 2 }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnknownEventError);
    expect(error).toMatchObject({ eventType: 'AssignmentSubmitted', schemaVersion: 2, message: expect.stringMatching(/newer than this code \(v1\)/) });
  });

  describe('with a test-local v1 → v2 → v3 upcaster (the real registry is untouched)', () => {
    // v2 turns `reviewer` into `reviewers: string[]`; v3 adds `channel`.
    const versions: SchemaVersions = { ...currentSchemaVersions, AssignmentSubmitted: 3 };
    const registry: UpcasterRegistry = {
      AssignmentSubmitted: {
        1: (data) => {
          const { reviewer, ...rest } = data as { reviewer: string | null };
          return { ...rest, reviewers: reviewer ? [reviewer] : [] };
        },
        2: (data) => ({ ...(data as object), channel: 'web' }),
      },
    };

    it('transforms v1 data to the current version and stamps the current version', () => {
      const e = upcast(stored(), registry, versions);
      expect(e.schemaVersion).toBe(3);
      expect(e.data).toEqual({ assignmentId: 'm1.school-a.once', departmentId: 'school-a', note: '方案', attachments: [], late: false, reviewers: ['liaison'], channel: 'web' });
      expect(e).toMatchObject({ type: 'AssignmentSubmitted', at: '2022-03-01T00:00:00.000Z', actor: head });
    });
    it('starts from the stored version: v2 data gets only the v2 → v3 step', () => {
      const e = upcast(stored({ schemaVersion: 2, data: { reviewers: ['a', 'b'] } }), registry, versions);
      expect(e.data).toEqual({ reviewers: ['a', 'b'], channel: 'web' });
    });
    it('does not mutate the stored event', () => {
      const e = stored();
      const copy = structuredClone(e);
      upcast(e, registry, versions);
      expect(e).toEqual(copy);
    });
    it('fails with UnknownEventError when a step is missing', () => {
      expect(() => upcast(stored(), { AssignmentSubmitted: { 1: registry.AssignmentSubmitted![1] } }, versions)).toThrow(/no upcaster from v2 to v3/);
      expect(() => upcast(stored(), {}, versions)).toThrow(UnknownEventError);
    });
    it('other types are unaffected', () => {
      const e = stored({ type: 'AssignmentStarted', data: { assignmentId: 'x', departmentId: 'school-a' } });
      expect(upcast(e, registry, versions)).toEqual(e);
    });
    it('a version newer than the local one still fails', () => {
      expect(() => upcast(stored({ schemaVersion: 4 }), registry, versions)).toThrow(UnknownEventError);
    });
  });
});

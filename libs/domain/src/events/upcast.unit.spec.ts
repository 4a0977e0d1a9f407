import { upcast, upcasters, UnknownEventError, type SchemaVersions, type StoredEventShape, type UpcasterRegistry } from './upcast';
import { currentSchemaVersions, isPlanledgerEventType } from './planledger-event';
import { head } from '../testing/fixtures';

const stored = (over: Partial<StoredEventShape> = {}): StoredEventShape => ({
  type: 'AssignmentSubmitted',
  schemaVersion: 2,
  stream: 'assignment-lianyun-2021.m1.school-a.once',
  at: '2022-03-01T00:00:00.000Z',
  actor: head,
  data: { planId: 'lianyun-2021', assignmentId: 'm1.school-a.once', departmentId: 'school-a', note: '方案', attachments: [], late: false, reviewer: 'liaison' },
  ...over,
});

describe('upcast', () => {
  describe('planId in assignment events (v1 → v2)', () => {
    const v1 = (type: string, data: object, stream = 'assignment-lianyun-2021.m1.school-a.2022-s1') => ({ type, schemaVersion: 1, stream, at: '2022-03-01T00:00:00.000Z', actor: head, data });

    it('every assignment event but AssignmentIssued is at v2 (v3 for the two that carry attachments) and has a v1 → v2 upcaster; AssignmentIssued (which always named its plan) and the others stay at v1', () => {
      const assignmentTypes = Object.keys(currentSchemaVersions).filter((t) => t.startsWith('Assignment') && t !== 'AssignmentIssued');
      expect(assignmentTypes).toHaveLength(14);
      const withFiles = ['AssignmentProgressReported', 'AssignmentSubmitted'];
      for (const type of assignmentTypes) {
        expect([type, currentSchemaVersions[type as keyof typeof currentSchemaVersions]]).toEqual([type, withFiles.includes(type) ? 3 : 2]);
        expect(upcasters[type as keyof typeof upcasters]?.[1]).toBeInstanceOf(Function);
      }
      const others = Object.entries(currentSchemaVersions).filter(([t]) => !assignmentTypes.includes(t));
      expect(new Set(others.map(([, v]) => v))).toEqual(new Set([1]));
    });
    it('given a stored v1 event, when upcast, then its plan is the plan id of its stream (dots in the assignment id stay with it)', () => {
      const e = upcast(v1('AssignmentOverdue', { assignmentId: 'm1.school-a.2022-s1', departmentId: 'school-a', dueAt: '2022-03-01T00:00:00.000Z' }));
      expect(e).toMatchObject({ type: 'AssignmentOverdue', schemaVersion: 2, data: { planId: 'lianyun-2021', assignmentId: 'm1.school-a.2022-s1', departmentId: 'school-a' } });
    });
    it('given a v1 assignment event in a stream that is not an assignment stream, when upcast, then UnknownEventError names the stream', () => {
      expect(() => upcast(v1('AssignmentStarted', { assignmentId: 'x', departmentId: 'a' }, 'directory'))).toThrow(UnknownEventError);
      expect(() => upcast(v1('AssignmentStarted', { assignmentId: 'x', departmentId: 'a' }, 'directory'))).toThrow(/v1 to v2 in stream "directory": stream "directory" is not an assignment stream/);
    });
    it('given v1 data that is not an object, when upcast, then UnknownEventError', () => {
      expect(() => upcast({ ...v1('AssignmentStarted', {}), data: 'text' })).toThrow(/data is not an object/);
    });
    it('AssignmentIssued v1 passes unchanged', () => {
      const e = v1('AssignmentIssued', { planId: 'lianyun-2021', obligation: { assignmentId: 'x' } });
      expect(upcast(e)).toEqual({ type: 'AssignmentIssued', schemaVersion: 1, at: e.at, actor: head, data: e.data });
    });
  });
  describe('attachments may be uploaded files (v2 → v3 of AssignmentSubmitted and AssignmentProgressReported)', () => {
    it('given a stored v2 submission with references, when upcast, then v3 keeps them as they are', () => {
      const attachments = [{ ref: 'https://oa.example/doc/1', name: '方案.pdf' }, { ref: '档案 2022-17' }];
      const e = upcast(stored({ data: { ...stored().data as object, attachments } }));
      expect(e).toMatchObject({ type: 'AssignmentSubmitted', schemaVersion: 3, data: { attachments } });
    });
    it('given a stored v1 progress report, when upcast, then both steps apply (plan id, then attachments)', () => {
      const e = upcast({ type: 'AssignmentProgressReported', schemaVersion: 1, stream: 'assignment-lianyun-2021.m1.school-a.once', at: '2022-03-01T00:00:00.000Z', actor: head, data: { assignmentId: 'm1.school-a.once', departmentId: 'school-a', note: '会议', count: 1, totalReported: 1, attachments: [{ ref: 'r' }] } });
      expect(e).toMatchObject({ schemaVersion: 3, data: { planId: 'lianyun-2021', attachments: [{ ref: 'r' }] } });
    });
    it('given a v2 event whose attachments are not references, when upcast, then UnknownEventError names the item', () => {
      expect(() => upcast(stored({ data: { ...stored().data as object, attachments: [{ ref: 'a' }, { sha256: 'ab' }] } }))).toThrow(/v2 to v3 .*attachments\[1\] is not a reference/);
      expect(() => upcast(stored({ data: { ...stored().data as object, attachments: 'x' } }))).toThrow(/attachments is not a list/);
    });
    it('a v3 event with an uploaded file passes unchanged', () => {
      const file = { sha256: 'a'.repeat(64), name: '实施方案.pdf', size: 1234, mediaType: 'application/pdf' };
      const current = stored({ schemaVersion: 3, data: { ...stored().data as object, attachments: [file] } });
      const { stream: _stream, ...event } = current;
      expect(upcast(current)).toEqual(event);
    });
  });
  it('passes a current event through unchanged (the stream name is context, not part of the event)', () => {
    const { stream: _stream, ...event } = stored({ schemaVersion: 3 });
    expect(upcast(stored({ schemaVersion: 3 }))).toEqual(event);
  });
  it('fails on an unknown type with UnknownEventError', () => {
    expect(() => upcast(stored({ type: 'AssignmentTeleported' }))).toThrow(UnknownEventError);
    expect(() => upcast(stored({ type: 'toString' }))).toThrow(/unknown event type/);
    expect(isPlanledgerEventType('constructor')).toBe(false);
  });
  it('fails on a version newer than this code with UnknownEventError', () => {
    let error: unknown;
    try {
      upcast(stored({ schemaVersion: 4 }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnknownEventError);
    expect(error).toMatchObject({ eventType: 'AssignmentSubmitted', schemaVersion: 4, message: expect.stringMatching(/newer than this code \(v3\)/) });
  });

  describe('with a test-local v2 → v3 → v4 upcaster (the real registry is untouched)', () => {
    // v3 turns `reviewer` into `reviewers: string[]`; v4 adds `channel`.
    const versions: SchemaVersions = { ...currentSchemaVersions, AssignmentSubmitted: 4 };
    const registry: UpcasterRegistry = {
      AssignmentSubmitted: {
        2: (data) => {
          const { reviewer, ...rest } = data as { reviewer: string | null };
          return { ...rest, reviewers: reviewer ? [reviewer] : [] };
        },
        3: (data) => ({ ...(data as object), channel: 'web' }),
      },
    };

    it('transforms v2 data to the current version and stamps the current version', () => {
      const e = upcast(stored(), registry, versions);
      expect(e.schemaVersion).toBe(4);
      expect(e.data).toEqual({ planId: 'lianyun-2021', assignmentId: 'm1.school-a.once', departmentId: 'school-a', note: '方案', attachments: [], late: false, reviewers: ['liaison'], channel: 'web' });
      expect(e).toMatchObject({ type: 'AssignmentSubmitted', at: '2022-03-01T00:00:00.000Z', actor: head });
    });
    it('starts from the stored version: v3 data gets only the v3 → v4 step', () => {
      const e = upcast(stored({ schemaVersion: 3, data: { reviewers: ['a', 'b'] } }), registry, versions);
      expect(e.data).toEqual({ reviewers: ['a', 'b'], channel: 'web' });
    });
    it('does not mutate the stored event', () => {
      const e = stored();
      const copy = structuredClone(e);
      upcast(e, registry, versions);
      expect(e).toEqual(copy);
    });
    it('fails with UnknownEventError when a step is missing', () => {
      expect(() => upcast(stored(), { AssignmentSubmitted: { 2: registry.AssignmentSubmitted![2] } }, versions)).toThrow(/no upcaster from v3 to v4/);
      expect(() => upcast(stored(), {}, versions)).toThrow(UnknownEventError);
    });
    it('other types are unaffected', () => {
      const { stream: _stream, ...e } = stored({ type: 'AssignmentStarted', data: { planId: 'p', assignmentId: 'x', departmentId: 'school-a' } });
      expect(upcast(stored({ type: 'AssignmentStarted', data: e.data }), registry, versions)).toEqual(e);
    });
    it('a version newer than the local one still fails', () => {
      expect(() => upcast(stored({ schemaVersion: 5 }), registry, versions)).toThrow(UnknownEventError);
    });
  });
});

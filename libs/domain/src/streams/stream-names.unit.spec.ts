import fc from 'fast-check';
import { parseStreamName, streamNames, streamOf, type AggregateRef } from './stream-names';

describe('stream-name codec', () => {
  it('given each aggregate, when its stream name is parsed, then the same reference comes back (dots stay in the child id)', () => {
    const refs: AggregateRef[] = [
      { aggregate: 'plan', planId: 'lianyun-quality-2021-2024' },
      { aggregate: 'phase', planId: 'lianyun-quality-2021-2024', phaseId: 'norm-year' },
      { aggregate: 'assignment', planId: 'county-2022', assignmentId: 'teaching-supervision.xugou-primary.2022-s1' },
    ];
    for (const ref of refs) expect(parseStreamName(streamOf(ref))).toEqual(ref);
  });

  it('streams that are not a plan aggregate parse to undefined', () => {
    for (const stream of ['directory', 'audit-2026-12', 'plan-', 'plan-a.b', 'phase-p', 'phase-p.', 'phase-.x', 'assignment-P.x', 'assignment-', 'planets-1']) {
      expect([stream, parseStreamName(stream)]).toEqual([stream, undefined]);
    }
  });

  it('round-trips any plan id and child id (property)', () => {
    const planId = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);
    const childId = fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,30}$/);
    fc.assert(
      fc.property(planId, childId, (p, c) => {
        expect(parseStreamName(streamNames.plan(p))).toEqual({ aggregate: 'plan', planId: p });
        expect(parseStreamName(streamNames.phase(p, c))).toEqual({ aggregate: 'phase', planId: p, phaseId: c });
        expect(parseStreamName(streamNames.assignment(p, c))).toEqual({ aggregate: 'assignment', planId: p, assignmentId: c });
      }),
    );
  });
});

import fc from 'fast-check';
import { isWithinAsOf, loadPlanEvents, type AsOf, type PlanEvents } from '@planledger/audit';
import { PLAN_ID, day } from '@planledger/domain/testing';
import { CommandExecutor } from '@planledger/engine';
import type { EventStore } from '@planledger/event-store';
import { openFreshPgliteStore } from '@planledger/event-store/testing';
import { knownHistory } from '../testing/known-history';
import { buildBulletinModel, rankDepartments, sectionOf, UnknownPhaseError, type DepartmentFigures } from './bulletin-model';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The known history of testing/known-history.ts run through the engine's CommandExecutor on a
 * fresh PGlite store; every figure below is worked out by hand from that file's comments.
 */
describe('bulletin model on a known history', () => {
  let store: EventStore;
  let loaded: PlanEvents;
  let cut: string;

  beforeAll(async () => {
    store = await openFreshPgliteStore();
    const executor = new CommandExecutor(store);
    const { steps, cutAfter } = knownHistory();
    for (const [index, { target, command }] of steps.entries()) {
      const result = await executor.execute(target, command);
      if (!result.ok) throw new Error(`${command.type}: ${result.error.message}`);
      if (index + 1 === cutAfter) {
        await sleep(5);
        cut = new Date().toISOString();
        await sleep(5);
      }
    }
    loaded = (await loadPlanEvents(store, PLAN_ID))!;
  }, 120_000);
  afterAll(() => store?.close());

  // Ten days after the deadline, on business time: 2022-03-15T00:00Z, 08:00 in Shanghai.
  const tenDaysOn = () => buildBulletinModel(PLAN_ID, loaded.events, { instant: day(10), basis: 'business', requested: day(10) });

  const pick = (row: DepartmentFigures | undefined) => row && {
    issued: row.issued, accepted: row.accepted, acceptedOnTime: row.acceptedOnTime, assessed: row.assessed, onTimeRate: row.onTimeRate,
    overdueNow: row.overdueNow, escalatedNow: row.escalatedNow, everEscalated: row.everEscalated, returned: row.returned, inReview: row.inReview,
  };

  it('given the known history, when judged ten days after the deadline, then the overall figures are the hand-computed ones', () => {
    const model = tenDaysOn();
    expect(model.asOf.date).toBe('2022-03-15');
    // 6 issued; accepted m1 m2 m5 m6 (m2 late); assessed = 4 accepted + m3 (due) = 5; m4 not due.
    expect(sectionOf(model, 'overview')!.figures).toEqual({
      issued: 6, inReview: 0, returned: 1, accepted: 4, acceptedOnTime: 3, assessed: 5, onTimeRate: 0.6,
      overdueNow: 1, escalatedNow: 1, everEscalated: 1, waivedOrCancelled: 0,
    });
  });

  it('then each department has its own figures, named as the plan names them', () => {
    const rows = sectionOf(tenDaysOn(), 'byDepartment')!.rows;
    expect(rows.map((r) => [r.departmentId, r.name])).toEqual([['school-a', '甲小学'], ['school-b', '乙小学'], ['school-c', '丙小学']]);
    expect(pick(rows[0])).toEqual({ issued: 2, accepted: 2, acceptedOnTime: 1, assessed: 2, onTimeRate: 0.5, overdueNow: 0, escalatedNow: 0, everEscalated: 0, returned: 1, inReview: 0 });
    expect(pick(rows[1])).toEqual({ issued: 3, accepted: 1, acceptedOnTime: 1, assessed: 2, onTimeRate: 0.5, overdueNow: 1, escalatedNow: 1, everEscalated: 1, returned: 0, inReview: 0 });
    expect(pick(rows[2])).toEqual({ issued: 1, accepted: 1, acceptedOnTime: 1, assessed: 1, onTimeRate: 1, overdueNow: 0, escalatedNow: 0, everEscalated: 0, returned: 0, inReview: 0 });
  });

  it('then phases are counted apart: the implementation phase has work but nothing assessed', () => {
    const rows = sectionOf(tenDaysOn(), 'byPhase')!.rows;
    expect(rows.map((r) => [r.phaseId, r.issued, r.accepted, r.acceptedOnTime, r.assessed, r.onTimeRate, r.overdueNow])).toEqual([
      ['mobilise', 5, 4, 3, 5, 0.6, 1],
      ['implement', 1, 0, 0, 0, null, 0],
    ]);
  });

  it('then the overdue and escalated lists show the deadline in Shanghai with its weekday, days overdue, level and receiver', () => {
    const model = tenDaysOn();
    const expected = {
      assignmentId: 'm3.school-b.once', departmentName: '乙小学', dueDate: '2022-03-05', dueWeekday: '星期六', daysOverdue: 10,
      escalationLevel: 1, escalatedTo: { id: 'office', name: '领导小组办公室' },
    };
    expect(sectionOf(model, 'overdue')!.items).toEqual([expect.objectContaining(expected)]);
    expect(sectionOf(model, 'escalated')!.items).toEqual([expect.objectContaining(expected)]);
  });

  it('then the ranking puts the 100 % school first and breaks the 50 % tie on overdue work; only that school is commended', () => {
    const model = tenDaysOn();
    expect(sectionOf(model, 'ranking')!.entries.map((e) => [e.rank, e.departmentId, e.decidedBy])).toEqual([
      [1, 'school-c', 'first'],
      [2, 'school-a', 'onTimeRate'],
      [3, 'school-b', 'overdueNow'],
    ]);
    expect(sectionOf(model, 'commendations')!.departments).toEqual([{ departmentId: 'school-c', name: '丙小学', accepted: 1 }]);
  });

  it('given a phase as the period, then only that phase\'s work is counted', () => {
    const model = buildBulletinModel(PLAN_ID, loaded.events, { instant: day(10), basis: 'business', requested: day(10) }, { period: { kind: 'phase', phaseId: 'implement' } });
    expect(model.period).toEqual({ kind: 'phase', phaseId: 'implement', name: '实施阶段' });
    expect(sectionOf(model, 'overview')!.figures).toMatchObject({ issued: 1, accepted: 0, assessed: 0, onTimeRate: null, overdueNow: 0 });
    expect(() => buildBulletinModel(PLAN_ID, loaded.events, { instant: day(10), basis: 'business', requested: 'x' }, { period: { kind: 'phase', phaseId: 'nope' } })).toThrow(UnknownPhaseError);
  });

  it('given a window of dates as the period, then only the work due in it is counted (a month\'s bulletin)', () => {
    const asOf: AsOf = { instant: day(10), basis: 'business', requested: day(10) };
    const march = buildBulletinModel(PLAN_ID, loaded.events, asOf, { period: { kind: 'window', from: '2022-03-01', to: '2022-03-31' } });
    expect(march.period).toEqual({ kind: 'window', from: '2022-03-01', to: '2022-03-31', name: '2022年3月' });
    // m1 m2 m3 m5 m6 fall due on 5 March; m4 on 4 April.
    expect(sectionOf(march, 'overview')!.figures).toMatchObject({ issued: 5, accepted: 4, acceptedOnTime: 3, assessed: 5, overdueNow: 1 });
    expect(sectionOf(march, 'byPhase')!.rows.map((r) => r.phaseId)).toEqual(['mobilise']);
    const week = buildBulletinModel(PLAN_ID, loaded.events, asOf, { period: { kind: 'window', from: '2022-03-07', to: '2022-03-13' } });
    expect(week.period.name).toBe('2022年3月7日至13日');
    expect(sectionOf(week, 'overview')!.figures.issued).toBe(0);
  });

  describe('for any moment (fast-check)', () => {
    const instants = () => {
      const business = loaded.events.map((e) => Date.parse(e.metadata.businessTime!));
      const recorded = loaded.events.map((e) => e.recordedAt.getTime());
      return fc.oneof(
        fc.integer({ min: Math.min(...business) - 1000, max: Math.max(...business) + 40 * 86_400_000 }).map((ms): AsOf => ({ instant: new Date(ms).toISOString(), basis: 'business', requested: String(ms) })),
        fc.integer({ min: Math.min(...recorded), max: Math.max(...recorded) + 20 }).map((ms): AsOf => ({ instant: new Date(ms).toISOString(), basis: 'recorded', requested: String(ms) })),
      );
    };

    it('the bulletin is the one built from only the events within the moment: nothing later counts', () => {
      fc.assert(fc.property(instants(), (asOf) => {
        const within = loaded.events.filter(isWithinAsOf(asOf));
        // Before the plan was drafted both refuse alike (PlanNotRecordedError).
        const attempt = (events: typeof within) => {
          try {
            return buildBulletinModel(PLAN_ID, events, asOf);
          } catch (error) {
            return (error as Error).message;
          }
        };
        expect(attempt(loaded.events)).toEqual(attempt(within));
      }), { numRuns: 100 });
    });

    it('the figures hold together: departments add up to the plan, on time ≤ accepted ≤ issued, escalated ≤ overdue', () => {
      fc.assert(fc.property(instants(), (asOf) => {
        if (!loaded.events.some((e) => e.stream === `plan-${PLAN_ID}` && isWithinAsOf(asOf)(e))) return;
        const model = buildBulletinModel(PLAN_ID, loaded.events, asOf);
        const overview = sectionOf(model, 'overview')!.figures;
        const rows = sectionOf(model, 'byDepartment')!.rows;
        for (const key of ['issued', 'accepted', 'acceptedOnTime', 'assessed', 'overdueNow', 'escalatedNow', 'returned', 'inReview'] as const) {
          expect(rows.reduce((sum, r) => sum + r[key], 0)).toBe(overview[key]);
        }
        for (const f of [overview, ...rows]) {
          expect(f.acceptedOnTime).toBeLessThanOrEqual(f.accepted);
          expect(f.accepted).toBeLessThanOrEqual(f.assessed);
          expect(f.assessed).toBeLessThanOrEqual(f.issued);
          expect(f.escalatedNow).toBeLessThanOrEqual(f.overdueNow);
          expect(f.overdueNow + f.accepted + f.inReview).toBeLessThanOrEqual(f.issued);
        }
        expect(sectionOf(model, 'overdue')!.items).toHaveLength(overview.overdueNow);
        expect(sectionOf(model, 'escalated')!.items).toHaveLength(overview.escalatedNow);
      }), { numRuns: 100 });
    });
  });

  describe('as of a past moment', () => {
    it('given a recorded-time instant in the middle of the history, then what was recorded later is ignored', () => {
      const model = buildBulletinModel(PLAN_ID, loaded.events, { instant: cut, basis: 'recorded', requested: cut });
      const overview = sectionOf(model, 'overview')!.figures;
      // Recorded by the cut: m1 accepted on time, m2 submitted; the return, the other acceptances and the escalation came later.
      expect(overview).toMatchObject({ issued: 6, accepted: 1, acceptedOnTime: 1, inReview: 1, returned: 0, everEscalated: 0, escalatedNow: 0 });
      expect(model.asOf.eventsReplayed).toBe(loaded.events.filter((e) => e.recordedAt.toISOString() <= cut).length);
      expect(model.asOf.eventsReplayed).toBeLessThan(loaded.events.length);
      expect(sectionOf(model, 'escalated')!.items).toEqual([]);
    });

    it('given a business-time instant before the deadline, then nothing is overdue or escalated and only early acceptances count', () => {
      const model = buildBulletinModel(PLAN_ID, loaded.events, { instant: day(-1), basis: 'business', requested: day(-1) });
      // By 2022-03-04T00:00Z: m6 accepted (day -4), m1 accepted (day -1); m2 returned; m5 submitted.
      expect(sectionOf(model, 'overview')!.figures).toMatchObject({ accepted: 2, acceptedOnTime: 2, assessed: 2, onTimeRate: 1, returned: 1, inReview: 1, overdueNow: 0, everEscalated: 0 });
      expect(sectionOf(model, 'overdue')!.items).toEqual([]);
    });
  });
});

describe('ranking rules', () => {
  const figures = fc.record({
    departmentId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    rate: fc.option(fc.constantFrom(0, 0.25, 0.5, 1), { nil: null }),
    overdueNow: fc.integer({ min: 0, max: 2 }),
    everEscalated: fc.integer({ min: 0, max: 2 }),
    assessed: fc.integer({ min: 1, max: 3 }),
  });

  it('for any departments, ranks never fall, ties share a rank and equal every key, the others rank by position', () => {
    fc.assert(fc.property(fc.uniqueArray(figures, { selector: (r) => r.departmentId, maxLength: 6 }), (raw) => {
      const rows = raw.map((r) => row(r.departmentId, { onTimeRate: r.rate, overdueNow: r.overdueNow, everEscalated: r.everEscalated, assessed: r.rate === null ? 0 : r.assessed }));
      const entries = rankDepartments(rows);
      expect(entries.map((e) => e.departmentId).sort()).toEqual(rows.map((r) => r.departmentId).sort());
      entries.forEach((entry, i) => {
        if (i === 0) return expect(entry.rank).toBe(1);
        const above = entries[i - 1];
        expect(entry.rank).toBeGreaterThanOrEqual(above.rank);
        if (entry.decidedBy === 'tied') {
          expect(entry.rank).toBe(above.rank);
          // Departments with nothing assessed share the last rank whatever else differs.
          if (entry.onTimeRate !== null) expect([entry.onTimeRate, entry.overdueNow, entry.everEscalated, entry.assessed]).toEqual([above.onTimeRate, above.overdueNow, above.everEscalated, above.assessed]);
        } else expect(entry.rank).toBe(i + 1);
        if (entry.onTimeRate !== null && above.onTimeRate !== null) expect(entry.onTimeRate).toBeLessThanOrEqual(above.onTimeRate);
        if (above.onTimeRate === null) expect(entry.onTimeRate).toBeNull();
      });
    }), { numRuns: 300 });
  });

  const row = (departmentId: string, over: Partial<DepartmentFigures>): DepartmentFigures => ({
    departmentId, name: departmentId, issued: 1, inReview: 0, returned: 0, accepted: 0, acceptedOnTime: 0, assessed: 1, onTimeRate: 0,
    overdueNow: 0, escalatedNow: 0, everEscalated: 0, waivedOrCancelled: 0, ...over,
  });

  it('given equal departments, then they share a rank and the next one skips it; nothing assessed comes last', () => {
    const entries = rankDepartments([
      row('d', { onTimeRate: null, assessed: 0 }),
      row('b', { onTimeRate: 0.5, everEscalated: 1 }),
      row('a', { onTimeRate: 0.5 }),
      row('c', { onTimeRate: 0.5 }),
      row('e', { onTimeRate: 0.5, assessed: 1, everEscalated: 1 }),
    ]);
    expect(entries.map((e) => [e.rank, e.departmentId, e.decidedBy])).toEqual([
      [1, 'a', 'first'], [1, 'c', 'tied'], [3, 'b', 'everEscalated'], [3, 'e', 'tied'], [5, 'd', 'nothingAssessed'],
    ]);
  });
});

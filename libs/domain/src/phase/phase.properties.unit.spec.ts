/** Property tests of the phase decider: random commands at non-decreasing business times. */
import fc from 'fast-check';
import { phaseDecider } from './phase.decider';
import type { PhaseCommand } from './phase.commands';
import type { PhaseEvent } from './phase.events';
import type { PhaseStatus } from './phase.transitions';
import { currentSchemaVersions } from '../events/planledger-event';
import { fold } from '../shared/decider';
import { addDays, isAtOrAfter } from '../shared/time';
import { meta, PLAN_ID, planner, scheduledPhase, timer } from '../testing/fixtures';

const BASE = '2022-02-01T00:00:00.000Z';
const ref = { planId: PLAN_ID, phaseId: 'mobilise' };
const phaseArb = fc.record({ opens: fc.integer({ min: -5, max: 30 }), length: fc.integer({ min: -2, max: 60 }) }).map(({ opens, length }) =>
  scheduledPhase({ opensAt: addDays(BASE, opens), closesAt: addDays(BASE, opens + length) }),
);
const bodyArb: fc.Arbitrary<Pick<PhaseCommand, 'type' | 'data'>> = fc.oneof(
  phaseArb.map((phase) => ({ type: 'SchedulePhase' as const, data: { ...ref, phase } })),
  fc.constant({ type: 'OpenPhase' as const, data: ref }),
  fc.constant({ type: 'BeginPhaseClosing' as const, data: ref }),
  fc.constantFrom('schedule' as const, 'schedule' as const, 'planner' as const).map((trigger) => ({ type: 'ClosePhase' as const, data: { ...ref, trigger } })),
  phaseArb.map((phase) => ({ type: 'ReschedulePhase' as const, data: { ...ref, phase, reason: 'r' } })),
  fc.constant({ type: 'CancelPhase' as const, data: { ...ref, reason: 'r' } }),
);
const scenarioArb = fc.array(fc.record({ gapHours: fc.integer({ min: 0, max: 7 * 24 }), body: bodyArb }), { minLength: 1, maxLength: 30, size: 'max' });

const rank: Record<PhaseStatus, number> = { unscheduled: 0, scheduled: 1, open: 2, closing: 3, closed: 4, cancelled: 4 };

function run(steps: { gapHours: number; body: Pick<PhaseCommand, 'type' | 'data'> }[]) {
  let t = Date.parse(BASE) - 10 * 86_400_000;
  let state = phaseDecider.initialState();
  const out: { command: PhaseCommand; before: typeof state; events: PhaseEvent[]; after: typeof state }[] = [];
  for (const { gapHours, body } of steps) {
    t += gapHours * 3_600_000;
    const byPlanner = body.type === 'ReschedulePhase' || body.type === 'CancelPhase' || (body.type === 'ClosePhase' && (body.data as { trigger?: string }).trigger === 'planner');
    const command = { ...body, metadata: meta(new Date(t).toISOString(), byPlanner ? planner : timer) } as PhaseCommand;
    const decision = phaseDecider.decide(command, state); // must not throw
    if (!decision.ok) expect(['invalid_transition', 'invalid_command']).toContain(decision.error.code);
    const events = decision.ok ? decision.events : [];
    const before = state;
    state = events.reduce(phaseDecider.evolve, state);
    out.push({ command, before, events, after: state });
  }
  return out;
}

describe('phase properties', () => {
  it('a closed phase never reopens: once closed, no command emits anything and the status stays closed', () => {
    fc.assert(
      fc.property(scenarioArb, (steps) => {
        let closed = false;
        for (const s of run(steps)) {
          if (closed) {
            expect(s.events).toEqual([]);
            expect(s.after.status).toBe('closed');
          }
          closed ||= s.after.status === 'closed';
        }
      }),
      { numRuns: 500 },
    );
  });
  it('the lifecycle only moves forward (unscheduled → scheduled → open → closing → closed | cancelled)', () => {
    fc.assert(fc.property(scenarioArb, (steps) => run(steps).forEach((s) => expect(rank[s.after.status]).toBeGreaterThanOrEqual(rank[s.before.status]))), { numRuns: 500 });
  });
  it('timers act only at their moment: PhaseOpened at or after opensAt, PhaseClosed by schedule at or after closesAt', () => {
    fc.assert(
      fc.property(scenarioArb, (steps) => {
        for (const s of run(steps)) {
          for (const e of s.events) {
            if (e.type === 'PhaseOpened') expect(isAtOrAfter(e.at, s.before.phase!.opensAt)).toBe(true);
            if (e.type === 'PhaseClosed' && e.data.trigger === 'schedule') expect(isAtOrAfter(e.at, s.before.phase!.closesAt)).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
  it('decide never throws; every event has schemaVersion = currentSchemaVersions[type]; replaying the events gives the step-by-step state', () => {
    fc.assert(
      fc.property(scenarioArb, (steps) => {
        const all: PhaseEvent[] = [];
        for (const s of run(steps)) {
          for (const e of s.events) expect(e.schemaVersion).toBe(currentSchemaVersions[e.type]);
          all.push(...s.events);
          expect(fold(phaseDecider, all)).toEqual(s.after);
        }
      }),
      { numRuns: 500 },
    );
  });
  it('sanity: the generator reaches every status', () => {
    const seen = new Set<string>();
    fc.assert(fc.property(scenarioArb, (steps) => void run(steps).forEach((s) => seen.add(s.after.status))), { numRuns: 300, seed: 7 });
    expect([...seen].sort()).toEqual(Object.keys(rank).sort());
  });
});

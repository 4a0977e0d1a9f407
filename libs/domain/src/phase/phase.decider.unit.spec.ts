import { phaseDecider } from './phase.decider';
import type { PhaseCommand, PhaseCommandType } from './phase.commands';
import type { PhaseEvent } from './phase.events';
import { allowedPhaseCommands, phaseTimerCommands, phaseTransitions, type PhaseStatus } from './phase.transitions';
import { DeciderSpecification } from '../testing/decider-spec';
import { meta, ms, phaseEvent as ev, PLAN_ID, planner, scheduledPhase, timer } from '../testing/fixtures';

const spec = DeciderSpecification.for(phaseDecider);
const P = scheduledPhase(); // opens 2022-02-01, closes 2022-04-01, closing duty from 2022-03-18 (14 days)
const ref = { planId: PLAN_ID, phaseId: P.phaseId };
const name = P.name;
const OPENS = P.opensAt;
const CLOSING = '2022-03-18T00:00:00.000Z';
const CLOSES = P.closesAt;

const scheduled = ev('PhaseScheduled', { ...ref, phase: P }, '2021-12-01T00:00:00.000Z', planner);
const opened = ev('PhaseOpened', { ...ref, name }, OPENS, timer);
const closingStarted = ev('PhaseClosingStarted', { ...ref, name, closesAt: CLOSES }, CLOSING, timer);
const closed = ev('PhaseClosed', { ...ref, name, trigger: 'schedule' }, CLOSES, timer);
const cancelled = ev('PhaseCancelled', { ...ref, reason: 'amendment 1' }, '2022-01-10T00:00:00.000Z', planner);

const historyFor: Record<PhaseStatus, PhaseEvent[]> = {
  unscheduled: [],
  scheduled: [scheduled],
  open: [scheduled, opened],
  closing: [scheduled, opened, closingStarted],
  closed: [scheduled, opened, closingStarted, closed],
  cancelled: [scheduled, cancelled],
};

const LATE = '2022-04-02T00:00:00.000Z'; // after every moment of the phase: timers fire
const later = scheduledPhase({ closesAt: '2022-05-01T00:00:00.000Z' });
const sample: { [K in PhaseCommandType]: Extract<PhaseCommand, { type: K }> } = {
  SchedulePhase: { type: 'SchedulePhase', data: { ...ref, phase: P }, metadata: meta(LATE, timer) },
  OpenPhase: { type: 'OpenPhase', data: ref, metadata: meta(LATE, timer) },
  BeginPhaseClosing: { type: 'BeginPhaseClosing', data: ref, metadata: meta(LATE, timer) },
  ClosePhase: { type: 'ClosePhase', data: { ...ref, trigger: 'planner' }, metadata: meta(LATE, planner) },
  ReschedulePhase: { type: 'ReschedulePhase', data: { ...ref, phase: later, reason: '延长一个月' }, metadata: meta(LATE, planner) },
  CancelPhase: { type: 'CancelPhase', data: { ...ref, reason: 'amendment 1' }, metadata: meta(LATE, planner) },
};
const closeByTimer: PhaseCommand = { type: 'ClosePhase', data: { ...ref, trigger: 'schedule' }, metadata: meta(LATE, timer) };
/** Every command, with ClosePhase in both its forms: by the planner (a person) and by the schedule (a timer). */
const commands: [string, PhaseCommand, boolean][] = [
  ...Object.values(sample).map((c) => [c.type === 'ClosePhase' ? 'ClosePhase(planner)' : c.type, c, c.type !== 'ClosePhase' && phaseTimerCommands.includes(c.type)] as [string, PhaseCommand, boolean]),
  ['ClosePhase(schedule)', closeByTimer, true],
];

const statuses = Object.keys(phaseTransitions) as PhaseStatus[];

describe('phase decider: transition table', () => {
  it.each(statuses)('the history for %s folds to that status', (status) => {
    expect(spec.given(historyFor[status]).state.status).toBe(status);
  });

  const allowed = statuses.flatMap((status) =>
    commands.filter(([, c]) => phaseTransitions[status][c.type] !== undefined).map(([label, c]) => [status, label, phaseTransitions[status][c.type]!, c] as const),
  );
  it.each(allowed)('%s + %s → %s', (status, _label, next, command) => {
    const { decision, state } = spec.given(historyFor[status]).when(command).decision();
    if (!decision.ok) throw new Error(JSON.stringify(decision.error));
    expect(decision.events).toHaveLength(1);
    expect(decision.events.reduce(phaseDecider.evolve, state).status).toBe(next === 'same' ? status : next);
  });

  const rejected = statuses.flatMap((status) =>
    commands.filter(([, c]) => phaseTransitions[status][c.type] === undefined).map(([label, c, byTimer]) => [status, label, byTimer, c] as const),
  );
  it.each(rejected.filter(([, , byTimer]) => !byTimer))('%s + %s is invalid_transition', (status, _label, _t, command) => {
    spec.given(historyFor[status]).when(command).thenFails({
      code: 'invalid_transition', aggregate: 'phase', id: `${PLAN_ID}.${P.phaseId}`, status, command: command.type, allowed: allowedPhaseCommands(status),
    });
    expect(allowedPhaseCommands(status).sort()).toEqual(Object.keys(phaseTransitions[status]).sort());
  });
  it.each(rejected.filter(([, , byTimer]) => byTimer))('%s + timer %s does nothing (a timer passed by or fired twice)', (status, _label, _t, command) => {
    spec.given(historyFor[status]).when(command).thenNothing();
  });
  it('every status × command pair is tested', () => {
    expect(allowed.length + rejected.length).toBe(statuses.length * commands.length);
  });
});

describe('phase timers before their moment do nothing', () => {
  const open = (at: string): PhaseCommand => ({ type: 'OpenPhase', data: ref, metadata: meta(at, timer) });
  const beginClosing = (at: string): PhaseCommand => ({ type: 'BeginPhaseClosing', data: ref, metadata: meta(at, timer) });
  const close = (at: string, trigger: 'schedule' | 'planner' = 'schedule'): PhaseCommand => ({ type: 'ClosePhase', data: { ...ref, trigger }, metadata: meta(at, trigger === 'schedule' ? timer : planner) });

  it('opens at opensAt, not before', () => {
    spec.given([scheduled]).when(open(ms(OPENS, -1))).thenNothing();
    expect(spec.given([scheduled]).when(open(OPENS)).then([opened]).status).toBe('open');
  });
  it('begins closing at the default closing start (14 days before closesAt), not before', () => {
    spec.given([scheduled, opened]).when(beginClosing(ms(CLOSING, -1))).thenNothing();
    expect(spec.given([scheduled, opened]).when(beginClosing(CLOSING)).then([closingStarted]).status).toBe('closing');
  });
  it('begins closing at an explicit closingStartsAt', () => {
    const phase = scheduledPhase({ closingStartsAt: '2022-03-01T00:00:00.000Z' });
    const s = ev('PhaseScheduled', { ...ref, phase }, '2021-12-01T00:00:00.000Z', planner);
    spec.given([s, opened]).when(beginClosing('2022-02-28T23:59:59.999Z')).thenNothing();
    spec.given([s, opened]).when(beginClosing('2022-03-01T00:00:00.000Z')).then([ev('PhaseClosingStarted', { ...ref, name, closesAt: CLOSES }, '2022-03-01T00:00:00.000Z', timer)]);
  });
  it('a phase shorter than 14 days is closing from the moment it opens', () => {
    const phase = scheduledPhase({ opensAt: '2022-03-01T00:00:00.000Z', closesAt: '2022-03-08T00:00:00.000Z' });
    const s = ev('PhaseScheduled', { ...ref, phase }, '2021-12-01T00:00:00.000Z', planner);
    const o = ev('PhaseOpened', { ...ref, name }, '2022-03-01T00:00:00.000Z', timer);
    spec.given([s, o]).when(beginClosing('2022-03-01T00:00:00.000Z')).then([ev('PhaseClosingStarted', { ...ref, name, closesAt: '2022-03-08T00:00:00.000Z' }, '2022-03-01T00:00:00.000Z', timer)]);
  });
  it('closes by schedule at closesAt, not before; from open or closing', () => {
    spec.given([scheduled, opened, closingStarted]).when(close(ms(CLOSES, -1))).thenNothing();
    expect(spec.given([scheduled, opened, closingStarted]).when(close(CLOSES)).then([closed]).status).toBe('closed');
    expect(spec.given([scheduled, opened]).when(close(CLOSES)).then([closed]).status).toBe('closed');
  });
  it('a planner may close it early', () => {
    const at = '2022-03-20T00:00:00.000Z';
    spec.given([scheduled, opened, closingStarted]).when(close(at, 'planner')).then([ev('PhaseClosed', { ...ref, name, trigger: 'planner' }, at, planner)]);
  });
  it('a timer that fires twice does nothing the second time', () => {
    spec.given([scheduled, opened]).when(open(LATE)).thenNothing();
    spec.given(historyFor.closing).when(beginClosing(LATE)).thenNothing();
    spec.given([scheduled]).when(sample.SchedulePhase).thenNothing();
  });
});

describe('a closed phase never reopens', () => {
  const years = ['2022-04-02T00:00:00.000Z', '2023-09-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z'];
  it.each(years)('OpenPhase, SchedulePhase, BeginPhaseClosing at %s do nothing', (at) => {
    for (const type of ['OpenPhase', 'SchedulePhase', 'BeginPhaseClosing'] as const) {
      const state = spec.given(historyFor.closed).when({ ...sample[type], metadata: meta(at, timer) } as PhaseCommand).thenNothing();
      expect(state.status).toBe('closed');
    }
  });
  it('and a planner cannot reschedule, reopen or close it again', () => {
    spec.given(historyFor.closed).when(sample.ReschedulePhase).thenFails({ code: 'invalid_transition', status: 'closed', allowed: [] });
    spec.given(historyFor.closed).when(sample.ClosePhase).thenFails({ code: 'invalid_transition', status: 'closed', allowed: [] });
  });
});

describe('reschedule', () => {
  const reschedule = (phase: ReturnType<typeof scheduledPhase>, at = '2022-01-15T00:00:00.000Z'): PhaseCommand => ({ type: 'ReschedulePhase', data: { ...ref, phase, reason: '调整' }, metadata: meta(at, planner) });

  it('a scheduled phase may move its opening and closing', () => {
    const to = scheduledPhase({ opensAt: '2022-02-15T00:00:00.000Z', closesAt: '2022-05-01T00:00:00.000Z' });
    const state = spec.given([scheduled]).when(reschedule(to)).then([ev('PhaseRescheduled', { ...ref, from: P, to, reason: '调整' }, '2022-01-15T00:00:00.000Z', planner)]);
    expect(state).toMatchObject({ status: 'scheduled', phase: to });
    // The old opening time no longer opens it; the new one does.
    spec.given([scheduled, ev('PhaseRescheduled', { ...ref, from: P, to, reason: '调整' }, '2022-01-15T00:00:00.000Z', planner)])
      .when({ type: 'OpenPhase', data: ref, metadata: meta(OPENS, timer) }).thenNothing();
  });
  it.each(['open', 'closing'] as const)('an %s phase may move only its closing date', (status) => {
    const at = '2022-03-25T00:00:00.000Z';
    expect(spec.given(historyFor[status]).when(reschedule(later, at)).then([ev('PhaseRescheduled', { ...ref, from: P, to: later, reason: '调整' }, at, planner)]).status).toBe(status);
    spec.given(historyFor[status]).when(reschedule(scheduledPhase({ opensAt: '2022-02-02T00:00:00.000Z' }), at)).thenFails({ code: 'invalid_command', field: 'opensAt' });
  });
  it('the same opening instant written with another offset is not a move of the opening', () => {
    const sameOpening = scheduledPhase({ opensAt: '2022-02-01T08:00:00+08:00', closesAt: '2022-05-01T00:00:00.000Z' });
    const { decision } = spec.given(historyFor.open).when(reschedule(sameOpening, '2022-03-01T00:00:00.000Z')).decision();
    expect(decision.ok).toBe(true);
  });
  it('a phase must close after it opens', () => {
    spec.given([scheduled]).when(reschedule(scheduledPhase({ closesAt: OPENS }))).thenFails({ code: 'invalid_command', field: 'closesAt' });
    spec.given([scheduled]).when(reschedule(scheduledPhase({ closesAt: '2022-01-01T00:00:00.000Z' }))).thenFails({ code: 'invalid_command', field: 'closesAt' });
  });
  it('closing later after a planner moved it: the old closing moment no longer closes it', () => {
    const moved = ev('PhaseRescheduled', { ...ref, from: P, to: later, reason: '调整' }, '2022-03-25T00:00:00.000Z', planner);
    spec.given([...historyFor.closing, moved]).when({ type: 'ClosePhase', data: { ...ref, trigger: 'schedule' }, metadata: meta(CLOSES, timer) }).thenNothing();
  });
});

describe('schedule and cancel', () => {
  it('schedules an unscheduled phase', () => {
    const at = '2021-12-01T00:00:00.000Z';
    expect(spec.given([]).when({ type: 'SchedulePhase', data: { ...ref, phase: P }, metadata: meta(at, planner) }).then([scheduled])).toEqual({ status: 'scheduled', planId: PLAN_ID, phase: P });
  });
  it('cancels a scheduled phase; an open one cannot be cancelled', () => {
    spec.given([scheduled]).when(sample.CancelPhase).then([ev('PhaseCancelled', { ...ref, reason: 'amendment 1' }, LATE, planner)]);
    spec.given(historyFor.open).when(sample.CancelPhase).thenFails({ code: 'invalid_transition', status: 'open' });
  });
  it('a cancelled phase never opens', () => {
    spec.given(historyFor.cancelled).when(sample.OpenPhase).thenNothing();
  });
});

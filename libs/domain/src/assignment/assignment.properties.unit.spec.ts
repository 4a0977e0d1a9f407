/**
 * Property tests: random sequences of people's and timers' commands, at non-decreasing business
 * times around a deadline, applied through decide / evolve. The invariants are stated on each
 * `it`; they hold for every generated sequence.
 */
import fc from 'fast-check';
import { assignmentDecider } from './assignment.decider';
import type { AssignmentCommand } from './assignment.commands';
import type { AssignmentEvent } from './assignment.events';
import type { AssignmentState } from './assignment.state';
import { owingStatuses, terminalStatuses } from './assignment.transitions';
import { currentSchemaVersions } from '../events/planledger-event';
import { fold } from '../shared/decider';
import { addDays, isAtOrAfter, isBefore } from '../shared/time';
import type { Obligation } from '../schedule/plan-schedule';
import { day, DUE_AT, head, obligation, PLAN_ID, reviewer, timer } from '../testing/fixtures';

const ID = obligation().assignmentId;
const START = Date.parse(day(-15));
type CommandBody = Pick<AssignmentCommand, 'type' | 'data'>;

const obligationArb: fc.Arbitrary<Obligation> = fc
  .record({
    reviewers: fc.subarray(['liaison', 'deputy']),
    submitTo: fc.option(fc.constant('office'), { nil: undefined }),
    remindDaysBefore: fc.uniqueArray(fc.integer({ min: 0, max: 20 }), { maxLength: 3 }),
    escalationGaps: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 3 }),
    issueOffset: fc.integer({ min: -20, max: 0 }),
  })
  .map(({ reviewers, submitTo, remindDaysBefore, escalationGaps, issueOffset }) => {
    let afterDays = 0;
    const escalation = escalationGaps.map((gap, i) => ({ afterDays: (afterDays += gap), to: `unit-${i + 1}` }));
    return obligation({ reviewers, submitTo, remindDaysBefore, escalation, issueAt: day(issueOffset) });
  });

const commandArb = (o: Obligation): fc.Arbitrary<CommandBody> => {
  const assignmentId = ID;
  const c = <T extends CommandBody>(body: T) => fc.constant(body);
  return fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom('school-a', 'school-b').map((departmentId): CommandBody => ({ type: 'IssueAssignment', data: { planId: PLAN_ID, obligation: { ...o, departmentId } } })) },
    { weight: 2, arbitrary: c({ type: 'AcknowledgeAssignment', data: { assignmentId } }) },
    { weight: 2, arbitrary: c({ type: 'StartAssignment', data: { assignmentId } }) },
    { weight: 2, arbitrary: fc.integer({ min: -1, max: 3 }).map((count): CommandBody => ({ type: 'ReportProgress', data: { assignmentId, note: 'n', count } })) },
    { weight: 3, arbitrary: c({ type: 'SubmitAssignment', data: { assignmentId, note: 'n' } }) },
    { weight: 2, arbitrary: fc.constantFrom('', '补充').map((reason): CommandBody => ({ type: 'ReturnAssignment', data: { assignmentId, reason } })) },
    { weight: 2, arbitrary: fc.option(fc.constant('ok'), { nil: undefined }).map((note): CommandBody => ({ type: 'AcceptAssignment', data: { assignmentId, note } })) },
    { weight: 2, arbitrary: fc.constantFrom('school-a', 'school-b', 'school-c', '').map((toDepartmentId): CommandBody => ({ type: 'ReassignAssignment', data: { assignmentId, toDepartmentId, reason: 'r' } })) },
    { weight: 1, arbitrary: fc.constantFrom('', 'x').map((reason): CommandBody => ({ type: 'WaiveAssignment', data: { assignmentId, reason } })) },
    { weight: 1, arbitrary: c({ type: 'CancelAssignment', data: { assignmentId, reason: 'amendment' } }) },
    { weight: 4, arbitrary: fc.constantFrom(0, 1, 3, 7, 14).map((daysBefore): CommandBody => ({ type: 'SendReminder', data: { assignmentId, daysBefore } })) },
    { weight: 4, arbitrary: c({ type: 'MarkOverdue', data: { assignmentId } }) },
    { weight: 6, arbitrary: fc.constantFrom(1, 1, 1, 2, 2, 3, 0, -1, 4).map((level): CommandBody => ({ type: 'EscalateAssignment', data: { assignmentId, level } })) },
    {
      weight: 2,
      arbitrary: fc.oneof(fc.integer({ min: -20, max: 40 }).map((n) => day(n)), fc.constant('not a date')).map((dueAt): CommandBody => ({ type: 'MoveDeadline', data: { assignmentId, dueAt, reason: 'r' } })),
    },
  );
};

const gapArb = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 120 }), fc.integer({ min: 60, max: 5 * 24 * 60 }));

const scenarioArb = obligationArb.chain((o) =>
  fc.record({
    obligation: fc.constant(o),
    issueFirst: fc.boolean(),
    steps: fc.array(fc.record({ gapMinutes: gapArb, body: commandArb(o) }), { minLength: 1, maxLength: 40, size: 'max' }),
  }),
);

interface Step {
  command: AssignmentCommand;
  before: AssignmentState;
  events: AssignmentEvent[];
  after: AssignmentState;
}

/** Runs the scenario through decide / evolve. decide must never throw: an exception fails the property. */
type Scenario = { obligation: Obligation; issueFirst: boolean; steps: { gapMinutes: number; body: CommandBody }[] };

function run({ obligation: o, issueFirst, steps }: Scenario): Step[] {
  let t = START;
  let state = assignmentDecider.initialState();
  const bodies: { gapMinutes: number; body: CommandBody }[] = issueFirst ? [{ gapMinutes: 0, body: { type: 'IssueAssignment', data: { planId: PLAN_ID, obligation: o } } }, ...steps] : steps;
  const out: Step[] = [];
  for (const { gapMinutes, body } of bodies) {
    t += gapMinutes * 60_000;
    const timerish = ['IssueAssignment', 'SendReminder', 'MarkOverdue', 'EscalateAssignment'].includes(body.type);
    const actor = timerish ? timer : ['AcceptAssignment', 'ReturnAssignment', 'ReassignAssignment', 'WaiveAssignment', 'CancelAssignment', 'MoveDeadline'].includes(body.type) ? reviewer : head;
    const command = { ...body, metadata: { at: new Date(t).toISOString(), actor } } as AssignmentCommand;
    const decision = assignmentDecider.decide(command, state);
    const before = state;
    const events = decision.ok ? decision.events : [];
    if (!decision.ok) expect(['invalid_transition', 'not_found', 'invalid_command']).toContain(decision.error.code);
    state = events.reduce(assignmentDecider.evolve, state);
    out.push({ command, before, events, after: state });
  }
  return out;
}

/** Each event with the state just before it. */
const eventsWithState = (steps: Step[]) =>
  steps.flatMap((s) => {
    let st = s.before;
    return s.events.map((event) => {
      const before = st;
      st = assignmentDecider.evolve(st, event);
      return { event, before, command: s.command };
    });
  });

const RUNS = { numRuns: 400 };

describe('assignment properties', () => {
  it('decide never throws, and a rejection is a known DomainError', () => {
    fc.assert(fc.property(scenarioArb, (s) => void run(s)), RUNS);
  });

  it('every emitted event has schemaVersion = currentSchemaVersions[type], and the command’s time and actor', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        for (const { event, command } of eventsWithState(run(s))) {
          expect(event.schemaVersion).toBe(currentSchemaVersions[event.type]);
          expect(event.at).toBe(command.metadata.at);
          expect(event.actor).toBe(command.metadata.actor);
        }
      }),
      RUNS,
    );
  });

  it('AssignmentOverdue only for owed work (issued/acknowledged/in_progress/returned), not yet overdue, at or after its dueAt', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        for (const { event, before } of eventsWithState(run(s))) {
          if (event.type !== 'AssignmentOverdue') continue;
          expect(owingStatuses).toContain(before.status);
          expect(before.overdueSince).toBeUndefined();
          expect(isAtOrAfter(event.at, before.dueAt)).toBe(true);
          expect(event.data.dueAt).toBe(before.dueAt);
        }
      }),
      RUNS,
    );
  });

  it('an accepted assignment never becomes overdue: nothing at all is emitted after AssignmentAccepted (or AssignmentWaived / AssignmentCancelled)', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const types = eventsWithState(run(s)).map((e) => e.event.type);
        const end = types.findIndex((t) => t === 'AssignmentAccepted' || t === 'AssignmentWaived' || t === 'AssignmentCancelled');
        if (end >= 0) expect(types.slice(end + 1)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('submitted work is never marked overdue: no AssignmentOverdue between an AssignmentSubmitted and the next AssignmentReturned (so work submitted before its deadline and accepted is never overdue after its submission)', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        let awaitingReview = false;
        for (const { event } of eventsWithState(run(s))) {
          if (event.type === 'AssignmentSubmitted') awaitingReview = true;
          if (event.type === 'AssignmentReturned') awaitingReview = false;
          if (awaitingReview) expect(event.type).not.toBe('AssignmentOverdue');
        }
      }),
      RUNS,
    );
  });

  it('one department at a time: departmentId always equals the last AssignmentIssued / AssignmentReassigned target, and every event naming a department names that one', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        let owner = '';
        for (const { event, before } of eventsWithState(run(s))) {
          const data = event.data as { departmentId?: string };
          if (data.departmentId !== undefined) expect(data.departmentId).toBe(before.departmentId);
          if (event.type === 'AssignmentIssued') owner = event.data.obligation.departmentId;
          if (event.type === 'AssignmentReassigned') {
            expect(event.data.fromDepartmentId).toBe(before.departmentId);
            expect(event.data.toDepartmentId).not.toBe(before.departmentId);
            owner = event.data.toDepartmentId;
          }
          expect(assignmentDecider.evolve(before, event).departmentId).toBe(owner);
        }
      }),
      RUNS,
    );
  });

  it('fold determinism: replaying the produced events from the initial state gives the step-by-step state, after every step', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const steps = run(s);
        const all: AssignmentEvent[] = [];
        for (const step of steps) {
          all.push(...step.events);
          expect(fold(assignmentDecider, all)).toEqual(step.after);
        }
        expect(fold(assignmentDecider, all)).toEqual(fold(assignmentDecider, all));
      }),
      RUNS,
    );
  });

  it('reminders: only for owed work, strictly before the deadline, never twice for the same offset of the same deadline', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        let deadlineEpisode = 0;
        const sent = new Set<string>();
        for (const { event, before } of eventsWithState(run(s))) {
          if (event.type === 'AssignmentDeadlineMoved' || event.type === 'AssignmentIssued') deadlineEpisode++;
          if (event.type !== 'AssignmentReminderDue') continue;
          expect(owingStatuses).toContain(before.status);
          expect(isBefore(event.at, event.data.dueAt)).toBe(true);
          expect(event.data.dueAt).toBe(before.dueAt);
          const key = `${deadlineEpisode}/${event.data.daysBefore}`;
          expect(sent.has(key)).toBe(false);
          sent.add(key);
        }
      }),
      RUNS,
    );
  });

  it('escalation: only for owed work marked overdue, level = previous level + 1, at or after dueAt + afterDays of that level, to that level’s unit', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        for (const { event, before } of eventsWithState(run(s))) {
          if (event.type !== 'AssignmentEscalated') continue;
          const policy = before.obligation!.escalation[event.data.level - 1];
          expect(owingStatuses).toContain(before.status);
          expect(before.overdueSince).toBeDefined();
          expect(event.data.level).toBe(before.escalationLevel + 1);
          expect(isAtOrAfter(event.at, addDays(before.dueAt, policy.afterDays))).toBe(true);
          expect(event.data.to).toBe(policy.to);
        }
      }),
      RUNS,
    );
  });

  it('a terminal status is final and the review step never passes the end of the chain', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        let terminal: string | undefined;
        for (const step of run(s)) {
          if (terminal) expect(step.after.status).toBe(terminal);
          if (terminalStatuses.includes(step.after.status)) terminal = step.after.status;
          const chainLength = (step.after.obligation?.reviewers.length ?? 0) + (step.after.obligation?.submitTo ? 1 : 0);
          expect(step.after.reviewStep).toBeLessThanOrEqual(Math.max(chainLength - 1, 0));
        }
      }),
      RUNS,
    );
  });

  it('sanity: the generator reaches overdue, escalation, acceptance and reassignment', () => {
    const seen = new Set<string>();
    fc.assert(fc.property(scenarioArb, (s) => void eventsWithState(run(s)).forEach((e) => seen.add(e.event.type))), { numRuns: 400, seed: 42 });
    for (const t of ['AssignmentOverdue', 'AssignmentEscalated', 'AssignmentAccepted', 'AssignmentReviewPassed', 'AssignmentReassigned', 'AssignmentReminderDue', 'AssignmentDeadlineMoved', 'AssignmentReturned']) {
      expect(seen).toContain(t);
    }
    expect(DUE_AT).toBe(day(0));
  });
});

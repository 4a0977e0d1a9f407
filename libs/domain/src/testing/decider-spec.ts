/**
 * Given / when / then for deciders (after Emmett's DeciderSpecification). Test-only: it is not
 * exported from the library's index; specs import it by relative path.
 *
 *   spec.given([issued]).when(submit).then([submitted]);
 *   spec.given([issued]).when(lateReminder).thenNothing();
 *   spec.given([]).when(submit).thenFails({ code: 'not_found' });
 */
import type { Decider, Decision } from '../shared/decider';
import type { DomainError } from '../shared/domain-error';

export interface ThenClause<Event, State> {
  /** The decision accepts the command and emits exactly these events (deep equality). Returns the state after them. */
  then(expected: Event[]): State;
  /** The decision accepts the command and emits nothing (a timer passed by, a repeated command). */
  thenNothing(): State;
  /** The decision rejects the command; `match` is an error code or a partial error (toMatchObject). */
  thenFails(match: DomainError['code'] | Partial<DomainError>): DomainError;
  /** The raw decision and the state it was taken in, for assertions the clauses above do not cover. */
  decision(): { decision: Decision<Event>; state: State };
}

export interface WhenClause<Cmd, Event, State> {
  /** The state the given events fold to. */
  state: State;
  when(command: Cmd): ThenClause<Event, State>;
}

export interface DeciderSpecification<Cmd, Event, State> {
  given(events: readonly Event[]): WhenClause<Cmd, Event, State>;
}

const describeDecision = (d: Decision<unknown>) => (d.ok ? `events ${JSON.stringify(d.events.map((e) => (e as { type?: string }).type))}` : `error ${JSON.stringify(d.error)}`);

export const DeciderSpecification = {
  for<Cmd, Event, State>(decider: Decider<Cmd, Event, State>): DeciderSpecification<Cmd, Event, State> {
    return {
      given(events) {
        const state = events.reduce(decider.evolve, decider.initialState());
        return {
          state,
          when(command) {
            const run = () => ({ decision: decider.decide(command, state), state });
            const accepted = (): Event[] => {
              const { decision } = run();
              if (!decision.ok) throw new Error(`expected the command to be accepted, got ${describeDecision(decision)}`);
              return decision.events;
            };
            return {
              then(expected) {
                const emitted = accepted();
                expect(emitted).toEqual(expected);
                return emitted.reduce(decider.evolve, state);
              },
              thenNothing() {
                const emitted = accepted();
                expect(emitted).toEqual([]);
                return state;
              },
              thenFails(match) {
                const { decision } = run();
                if (decision.ok) throw new Error(`expected the command to be rejected, got ${describeDecision(decision)}`);
                expect(decision.error).toMatchObject(typeof match === 'string' ? { code: match } : match);
                return decision.error;
              },
              decision: run,
            };
          },
        };
      },
    };
  },
};

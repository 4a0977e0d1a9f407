import { Inject } from '@nestjs/common';
import { Command, CommandHandler, Query, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PeopleDirectory } from '@planledger/auth';
import type { PlanState, RosterEntry } from '@planledger/domain';
import type { Clock, CommandExecutor } from '@planledger/engine';
import type { EventStorage } from '@planledger/event-store';
import { rosterHoldings } from '@planledger/projections';
import { CLOCK, COMMAND_EXECUTOR, EVENT_STORAGE } from '@planledger/runtime';
import type { z } from 'zod';
import { PEOPLE_DIRECTORY } from '../auth/auth-tokens';
import { businessNow, executeCommand, scopedIdempotencyKey, type CommandContext } from '../commands/command-context';
import { accepted, notFound, rejected, type CommandResult, type FieldProblem, type QueryResult } from '../commands/command-result';
import type { assignRosterAnswer, assignRosterBody, planRosterAnswer } from '../routes/request-schemas';

type RosterBody = z.output<typeof assignRosterBody>;
type AssignRosterAnswer = z.output<typeof assignRosterAnswer>;
type PlanRosterAnswer = z.output<typeof planRosterAnswer>;

export class AssignRosterCommand extends Command<CommandResult<AssignRosterAnswer>> {
  constructor(readonly planId: string, readonly body: RosterBody, readonly context: CommandContext) {
    super();
  }
}

export class PlanRosterQuery extends Query<QueryResult<PlanRosterAnswer>> {
  constructor(readonly planId: string, readonly asOf?: string) {
    super();
  }
}

/** The decider names entries as `entries[i]`; the request calls them `roster[i]`. */
export const rosterFieldPath = (field: string): string => `body.${field.replace(/^entries/, 'roster')}`;

/**
 * A planner names who holds roles at units (ADR 0022). People are named by their directory id; a
 * name left out is the directory's, and an id the directory does not know needs a name. The plan
 * decider checks roles and units against the schedule in force; nothing is updated in place.
 */
@CommandHandler(AssignRosterCommand)
export class AssignRosterHandler implements ICommandHandler<AssignRosterCommand> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory,
    @Inject(EVENT_STORAGE) private readonly storage: EventStorage,
  ) {}

  async execute({ planId, body, context }: AssignRosterCommand): Promise<CommandResult<AssignRosterAnswer>> {
    if (body.plan !== undefined && body.plan !== planId) {
      return rejected({ kind: 'invalid', problems: [{ field: 'plan', message: `the roster is for plan ${body.plan}, not ${planId}` }] });
    }
    const { state } = await this.executor.load({ aggregate: 'plan', planId });
    if ((state as PlanState).status === 'none') return notFound('plan', planId);
    const problems: FieldProblem[] = [];
    const entries: RosterEntry[] = [];
    for (const [i, entry] of body.roster.entries()) {
      const people = [];
      for (const [j, given] of entry.people.entries()) {
        const personId = typeof given === 'string' ? given : given.id;
        const name = (typeof given === 'string' ? undefined : given.name) ?? (await this.people.get(personId))?.name;
        if (name === undefined) problems.push({ field: `roster[${i}].people[${j}]`, message: `person "${personId}" is not in the people directory; register them, or give their name ({ id, name })` });
        else people.push({ personId, name });
      }
      entries.push({ roleId: entry.role, unitId: entry.unit, people });
    }
    if (problems.length > 0) return rejected({ kind: 'invalid', problems });
    const at = await businessNow(this.clock);
    const result = await executeCommand(
      this.executor, { aggregate: 'plan', planId },
      { type: 'AssignRoster', data: { planId, entries, ...(body.fileName === undefined ? {} : { source: body.fileName }) }, metadata: { actor: context.actor, at } },
      { correlationId: context.correlationId, idempotencyKey: scopedIdempotencyKey(context, `roster-${planId}`) },
    );
    if (!result.ok) return result;
    const recordedAt = result.events[0]?.at ?? at;
    // The answer reads the record, not the read model (which may not have caught up yet).
    const { state: after } = await this.executor.load({ aggregate: 'plan', planId });
    const roster = (after as PlanState).roster ?? {};
    const since = new Map<string, string>();
    const holdingsNow = await rosterHoldings(this.storage.database, [planId]);
    for (const h of holdingsNow) since.set(`${h.roleId}@${h.unitId}`, h.since);
    for (const e of entries) since.set(`${e.roleId}@${e.unitId}`, recordedAt);
    const holdings = Object.entries(roster)
      .map(([key, people]) => {
        const [roleId, unitId] = key.split('@') as [string, string];
        return { roleId, unitId, people: people.map((p) => ({ ...p })), since: since.get(key) ?? recordedAt };
      })
      .sort((a, b) => a.roleId.localeCompare(b.roleId) || a.unitId.localeCompare(b.unitId));
    return accepted({ planId, at: recordedAt, assigned: entries.length, holdings });
  }
}

/** Who held each role@unit at an instant (default now), from the read model's roster rows. */
@QueryHandler(PlanRosterQuery)
export class PlanRosterHandler implements IQueryHandler<PlanRosterQuery> {
  constructor(@Inject(EVENT_STORAGE) private readonly storage: EventStorage) {}

  async execute({ planId, asOf }: PlanRosterQuery): Promise<QueryResult<PlanRosterAnswer>> {
    const [plan] = await this.storage.database.query<{ plan_id: string }>('select plan_id from read_plans where plan_id = $1', [planId]);
    if (!plan) return notFound('plan', planId);
    const at = asOf === undefined ? undefined : new Date(asOf);
    const holdings = await rosterHoldings(this.storage.database, [planId], at);
    return accepted({ planId, asOf: at?.toISOString() ?? null, holdings: holdings.map(({ roleId, unitId, people, since }) => ({ roleId, unitId, people, since })) });
  }
}

import type { Command } from 'commander';
import type { EventStore, SqlQueryable } from '@planledger/event-store';
import {
  findParkedEvent, listParkedEvents, migrateReadModels, PROJECTION_EVENT_RETRIED, PROJECTION_EVENT_SKIPPED, recordParkingDecision,
  type ParkedEvent, type ParkingDecisionType,
} from '@planledger/projections';
import type { Actor } from '@planledger/domain';
import { cliActor } from './audit-cli-actor';
import { openAuditStorage, type AuditIo } from './audit-storage';

export type ParkedDecisionVerb = 'skip' | 'retry';

const DECISION_OF: Record<ParkedDecisionVerb, ParkingDecisionType> = { skip: PROJECTION_EVENT_SKIPPED, retry: PROJECTION_EVENT_RETRIED };

export interface ParkedDecisionRequest {
  verb: ParkedDecisionVerb;
  /** The parked event's id or its position ("commit:prepare"), as `projections parked` lists them. */
  target: string;
  reason?: string;
  actor: Actor;
  now: Date;
}

export type ParkedDecisionOutcome = { ok: true; message: string } | { ok: false; message: string };

const describe = (parked: ParkedEvent): string =>
  `${parked.eventType} ${parked.eventId} at ${parked.position} (stream ${parked.stream}, revision ${parked.revision})`;

/**
 * Records the operator's decision about a parked event as an event in the store; the projection
 * runner applies it in order (skip: the read models stay without the event; retry: applied now,
 * parked again if it still fails). Refuses a target that is not parked, saying what is.
 */
export async function decideParkedEvent(storage: { store: EventStore; database: SqlQueryable }, request: ParkedDecisionRequest): Promise<ParkedDecisionOutcome> {
  const found = await findParkedEvent(storage.database, request.target);
  if (found.length === 0) {
    return { ok: false, message: `no parked event has the id or position "${request.target}"; \`planledger projections parked\` lists them` };
  }
  const open = found.filter((parked) => parked.status === 'parked');
  if (open.length === 0) {
    const [decided] = found;
    return { ok: false, message: `${describe(decided)} is no longer parked: ${decided.status} at ${decided.decidedAt} by ${decided.decidedBy}` };
  }
  const lines: string[] = [];
  for (const parked of open) {
    const { position } = await recordParkingDecision(storage.store, {
      type: DECISION_OF[request.verb],
      data: {
        projection: parked.projection, position: parked.position, eventId: parked.eventId, stream: parked.stream, revision: parked.revision,
        ...(request.reason && { reason: request.reason }),
      },
      actor: request.actor,
      businessTime: request.now,
    });
    lines.push(`recorded ${DECISION_OF[request.verb]} for ${describe(parked)} of projection "${parked.projection}" at ${position}; the projection runner applies it with its next batch`);
  }
  return { ok: true, message: lines.join('\n') };
}

function formatParked(parked: ParkedEvent): string {
  const decided = parked.status === 'parked' ? `parked since ${parked.parkedAt}, ${parked.attempts} attempt(s)` : `${parked.status} at ${parked.decidedAt} by ${parked.decidedBy}`;
  return `${parked.projection}  ${describe(parked)}  ${decided}\n    ${parked.error}`;
}

async function withStorage(io: AuditIo, name: string, work: (storage: { store: EventStore; database: SqlQueryable }) => Promise<number>): Promise<number> {
  const opened = await openAuditStorage(io.env);
  if (!opened.ok) {
    io.stderr.write(`projections ${name}: ${opened.message}\n`);
    return 1;
  }
  try {
    await migrateReadModels(opened.storage.database);
    return await work(opened.storage);
  } finally {
    await opened.storage.close();
  }
}

/** `planledger projections parked|skip|retry`, beside `projections rebuild`. */
export function registerProjectionsParkedCommands(program: Command, io: AuditIo = { env: process.env, stdout: process.stdout, stderr: process.stderr }): void {
  const projections = program.commands.find((command) => command.name() === 'projections') ?? program.command('projections');
  projections
    .command('parked')
    .description('list the events the projections could not apply and parked (DATABASE_URL, KURRENTDB_URL or PGlite under DATA_DIR)')
    .option('--all', 'also those already skipped or retried')
    .action(async (options: { all?: boolean }) => {
      process.exitCode = await withStorage(io, 'parked', async ({ database }) => {
        const parked = await listParkedEvents(database, { open: !options.all });
        io.stdout.write(parked.length === 0 ? 'no parked events\n' : `${parked.map(formatParked).join('\n')}\n`);
        return 0;
      });
    });
  for (const verb of ['skip', 'retry'] as const) {
    projections
      .command(`${verb} <eventIdOrPosition>`)
      .description(
        verb === 'skip'
          ? 'leave a parked event out of the read models for good (recorded as ProjectionEventSkipped)'
          : 'apply a parked event again, e.g. after a fixed release (recorded as ProjectionEventRetried; parked again if it still fails)',
      )
      .option('--reason <text>', 'why, for the record')
      .action(async (target: string, options: { reason?: string }) => {
        process.exitCode = await withStorage(io, verb, async (storage) => {
          const outcome = await decideParkedEvent(storage, { verb, target, reason: options.reason, actor: cliActor(io.env, 'admin'), now: new Date() });
          (outcome.ok ? io.stdout : io.stderr).write(`${outcome.ok ? '' : `projections ${verb}: `}${outcome.message}\n`);
          return outcome.ok ? 0 : 1;
        });
      });
  }
}

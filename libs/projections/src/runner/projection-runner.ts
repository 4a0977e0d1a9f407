import { formatGlobalPosition, type EventStore, type SqlExecutor } from '@planledger/event-store';
import { describeError } from '../parking/parked-events';
import { applyNextBatch, type ParkedFailure } from './apply-batch';
import { applyNextReactions, type Reaction } from './apply-reactions';
import { ensureCheckpoint, listCheckpoints, PROJECTIONS_CHECKPOINT, readCheckpoint, REACTIONS_CHECKPOINT, type CheckpointView } from './checkpoints';
import { releaseLease, tryAcquireLease } from './lease';
import { countEventsAfter } from './store-head';

export interface RunnerLogger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

export interface ProjectionRunnerOptions {
  store: EventStore;
  /** The read models' database (migrated with `migrateReadModels`). */
  database: SqlExecutor;
  /** Unique per process, e.g. `${hostname}:${pid}`: the lease names its holder. */
  holderId: string;
  /** How long to sleep when there is nothing to do; `wake()` cuts it short. */
  pollIntervalMs: number;
  batchSize?: number;
  reactions?: readonly Reaction[];
  logger?: RunnerLogger;
  /** Lease timing (defaults 5 s and 15 s, decision 0005); tests shorten them. */
  leaseRenewMs?: number;
  leaseDurationMs?: number;
  /** Told of every event parked (or parked again by a failed retry), e.g. to count it in /metrics. */
  onParked?: (failure: ParkedFailure) => void;
}

export const PROJECTIONS_LEASE = 'projections';
const silentLogger: RunnerLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Keeps the read models (and the reactions) up with the store. Only the holder of the lease
 * works; every batch commits together with a compare-and-set of the checkpoint, so even two
 * runners that both believe they lead never apply a batch twice.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly renewMs: number;
  private readonly leaseMs: number;
  private readonly logger: RunnerLogger;
  private readonly reactions: readonly Reaction[];
  private leader = false;
  private leaseRenewedAt = 0;
  private stopping = false;
  private loop: Promise<void> | undefined;
  private wakeRequested = false;
  private interruptSleep: (() => void) | undefined;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.renewMs = options.leaseRenewMs ?? 5_000;
    this.leaseMs = options.leaseDurationMs ?? 15_000;
    this.logger = options.logger ?? silentLogger;
    this.reactions = options.reactions ?? [];
  }

  get isLeader(): boolean {
    return this.leader && Date.now() - this.leaseRenewedAt < this.leaseMs;
  }

  async start(): Promise<void> {
    if (this.loop) return;
    const { database } = this.options;
    await ensureCheckpoint(database, PROJECTIONS_CHECKPOINT);
    // A runner without reactions must not create their checkpoint: it would look forever behind.
    if (this.reactions.length > 0) await ensureCheckpoint(database, REACTIONS_CHECKPOINT);
    this.stopping = false;
    this.loop = this.run();
  }

  /** Finishes the batch (or the reaction) under way, then gives the lease up. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.interruptSleep?.();
    await this.loop;
    this.loop = undefined;
    if (this.leader) {
      this.leader = false;
      await releaseLease(this.options.database, PROJECTIONS_LEASE, this.options.holderId).catch((error) =>
        this.logger.warn(`could not release the projections lease: ${describeError(error).message}`, { error: describeError(error).message }),
      );
    }
  }

  /** Look for new events now (called after an append) instead of at the next poll. */
  wake(): void {
    this.wakeRequested = true;
    this.interruptSleep?.();
  }

  /** Events each checkpoint of this runner has not reached yet, by checkpoint name (for /metrics). */
  async lagEvents(): Promise<Record<string, number>> {
    const { database, store } = this.options;
    const names = this.reactions.length > 0 ? [PROJECTIONS_CHECKPOINT, REACTIONS_CHECKPOINT] : [PROJECTIONS_CHECKPOINT];
    const lag: Record<string, number> = {};
    for (const name of names) lag[name] = await countEventsAfter(database, store, await readCheckpoint(database, name));
    return lag;
  }

  checkpoints(): Promise<CheckpointView[]> {
    return listCheckpoints(this.options.database);
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let busy = false;
      try {
        await this.keepLease();
        if (this.isLeader) busy = await this.step();
      } catch (error) {
        const { message, stack } = describeError(error);
        this.logger.error(`projection runner step failed; retrying after the poll interval: ${message}`, { error: message, stack });
      }
      if (!busy) await this.sleep(this.options.pollIntervalMs);
    }
  }

  /** One batch of projections, then reactions up to it. True when there may be more to do now. */
  private async step(): Promise<boolean> {
    const { store, database } = this.options;
    const batch = await applyNextBatch(store, database, this.batchSize);
    if (batch.kind === 'checkpoint_moved') {
      this.logger.warn('the projections checkpoint moved under this runner: another runner or a rebuild is applying events; backing off');
      await this.sleep(this.options.pollIntervalMs * (1 + Math.random()));
      return false;
    }
    if (batch.kind === 'applied') for (const failure of batch.parked) this.reportParked(failure);
    let reacted = false;
    if (this.reactions.length > 0 && !this.stopping) {
      const outcome = await applyNextReactions(store, database, this.reactions, this.batchSize, async () => {
        await this.keepLease();
        return !this.stopping && this.isLeader;
      });
      reacted = outcome.kind === 'reacted';
      if (outcome.kind === 'checkpoint_moved') this.logger.warn('the reactions checkpoint moved under this runner; backing off');
    }
    return (batch.kind === 'applied' && batch.events === this.batchSize) || reacted;
  }

  private reportParked(failure: ParkedFailure): void {
    const { message, stack } = describeError(failure.error);
    const { event, projection } = failure;
    const position = formatGlobalPosition(event.position);
    this.logger.error(
      `projection "${projection}" parked event ${event.type} at ${position} (stream ${event.stream}, revision ${event.revision}) and goes on with the next events: ${message}`,
      { projection, stream: event.stream, revision: event.revision.toString(), position, eventId: event.eventId, eventType: event.type, error: message, stack },
    );
    this.options.onParked?.(failure);
  }

  private async keepLease(): Promise<void> {
    if (this.leader && Date.now() - this.leaseRenewedAt < this.renewMs) return;
    const { database, holderId } = this.options;
    const wasLeader = this.leader;
    // Counted from before the request: the database starts the lease no earlier than this.
    const askedAt = Date.now();
    try {
      this.leader = await tryAcquireLease(database, PROJECTIONS_LEASE, holderId, this.leaseMs);
    } catch (error) {
      // Keep leading on the lease we hold until it would have expired; isLeader checks that.
      this.logger.warn(`could not renew the projections lease: ${describeError(error).message}`, { error: describeError(error).message });
      return;
    }
    if (this.leader) this.leaseRenewedAt = askedAt;
    if (this.leader !== wasLeader) this.logger.info(this.leader ? 'took the projections lease' : 'lost the projections lease', { holderId });
  }

  private sleep(ms: number): Promise<void> {
    if (this.wakeRequested || this.stopping) {
      this.wakeRequested = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.interruptSleep = undefined;
        this.wakeRequested = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.interruptSleep = done;
    });
  }
}

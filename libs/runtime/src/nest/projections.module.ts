import { hostname } from 'node:os';
import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { PlanReactor, type CommandExecutor } from '@planledger/engine';
import type { EventStorage } from '@planledger/event-store';
import { countOpenParkedEvents, ProjectionRunner, PROJECTIONS_CHECKPOINT } from '@planledger/projections';
import type { ServiceConfig, ServiceRoles } from '../config/service-config';
import type { ServiceMetrics } from '../metrics/service-metrics';
import type { AppendSignal } from './append-signal';
import { APPEND_SIGNAL, COMMAND_EXECUTOR, EVENT_STORAGE, METRICS, SERVICE_CONFIG, SERVICE_ROLES } from './tokens';

export const PROJECTION_RUNNER = Symbol('ProjectionRunner');

/**
 * Keeps the read models and the plan reactions up to date. Every process that has the role asks
 * for the lease; one of them runs at a time, and another takes over if it dies.
 */
@Injectable()
export class ProjectionsLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('projections');
  private runner?: ProjectionRunner;
  private stopListening?: () => void;
  private lagTimer?: NodeJS.Timeout;

  constructor(
    @Inject(EVENT_STORAGE) private readonly storage: EventStorage,
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(SERVICE_ROLES) private readonly roles: ServiceRoles,
    @Inject(METRICS) private readonly metrics: ServiceMetrics,
    @Inject(APPEND_SIGNAL) private readonly appended: AppendSignal,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // The tables exist: runService migrates before Nest starts.
    if (!this.roles.projections) return;
    const reactor = new PlanReactor(this.executor);
    this.runner = new ProjectionRunner({
      store: this.storage.store,
      database: this.storage.database,
      holderId: `${hostname()}:${process.pid}`,
      pollIntervalMs: this.config.PROJECTION_POLL_MS,
      reactions: [{ name: 'plan-reactions', handle: (event) => reactor.handle(event) }],
      // The context (error message, stack, stream, position) goes into the JSON line as fields.
      logger: {
        info: (m, context) => this.logger.log({ ...context, msg: m }),
        warn: (m, context) => this.logger.warn({ ...context, msg: m }),
        error: (m, context) => this.logger.error({ ...context, msg: m }),
      },
      onParked: ({ projection }) => {
        this.metrics.projectionEventsParked.inc({ projection });
        this.metrics.projectionParkedOpen.inc({ projection });
      },
    });
    this.stopListening = this.appended.listen(() => this.runner?.wake());
    await this.runner.start();
    this.lagTimer = setInterval(() => void this.reportLag(), 5_000).unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.lagTimer) clearInterval(this.lagTimer);
    this.stopListening?.();
    await this.runner?.stop();
  }

  private async reportLag(): Promise<void> {
    try {
      for (const [name, lag] of Object.entries(await this.runner!.lagEvents())) this.metrics.projectionLag.set({ checkpoint: name }, lag);
      const open = await countOpenParkedEvents(this.storage.database);
      this.metrics.projectionParkedOpen.set({ projection: PROJECTIONS_CHECKPOINT }, open[PROJECTIONS_CHECKPOINT] ?? 0);
    } catch {
      // A lag reading is best effort; the next one will tell.
    }
  }
}

@Module({ providers: [ProjectionsLifecycle], exports: [ProjectionsLifecycle] })
export class ProjectionsModule {}

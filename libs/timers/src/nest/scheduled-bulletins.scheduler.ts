import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { filesDirOf, loadPlanEvents } from '@planledger/audit';
import { issueScheduledBulletins } from '@planledger/bulletins';
import type { Clock } from '@planledger/engine';
import type { EventStorage } from '@planledger/event-store';
import { CLOCK, EVENT_STORAGE, SERVICE_CONFIG, type ServiceConfig } from '@planledger/runtime';

/**
 * Issues the bulletins (通报) plans' timetables make due (ADR 0025): every TIMER_SWEEP_SECONDS,
 * for each published plan whose schedule has a timetable, every slot whose instant the clock has
 * passed and that no issued bulletin answers yet, as of its own instant. Idempotent from the
 * bulletin stream, so a second worker or a restart issues nothing twice but for a race between two
 * sweeps at the same moment (one worker runs it). Under the virtual clock, advancing the clock
 * issues the slots passed on the next sweep.
 */
@Injectable()
export class ScheduledBulletinsScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ScheduledBulletins');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(EVENT_STORAGE) private readonly storage: EventStorage,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runOnce(), this.config.TIMER_SWEEP_SECONDS * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass over the plans; overlapping passes are skipped. */
  runOnce(): Promise<void> {
    this.running ??= this.sweep().catch((error: Error) => this.logger.error({ err: error }, `scheduled bulletins: ${error.message}`)).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async sweep(): Promise<void> {
    const plans = await this.storage.database.query<{ plan_id: string }>(
      `select plan_id from read_plans where status = 'published' and schedule ? 'bulletins' order by plan_id`,
    );
    const now = await this.clock.now();
    for (const { plan_id: planId } of plans) {
      const events = await loadPlanEvents(this.storage.store, planId);
      if (!events) continue;
      const issued = await issueScheduledBulletins(events, { store: this.storage.store, filesDir: filesDirOf(this.config), now });
      for (const bulletin of issued) this.logger.log(`plan ${planId}: issued ${bulletin.number} as of ${bulletin.asOf.requested}`);
    }
  }
}

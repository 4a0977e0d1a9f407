import { Inject, Injectable } from '@nestjs/common';
import type { EventStorage } from '@planledger/event-store';
import { readScheduleTallies, scheduleVersions, type ScheduleTallies } from '@planledger/projections';
import { EVENT_STORAGE } from '@planledger/runtime';

/** Plans whose tallies are kept; a bureau runs a handful of plans at a time. */
const KEPT_PLANS = 20;

/**
 * A plan's schedule counted (ScheduleTallies), kept per process and counted again only when the
 * plan's row changes (a draft revised, a publication, an amendment): counting walks every
 * obligation of the schedule's JSON, hundreds of milliseconds for a county plan, while the
 * version check is one small query. Issued work is counted per request, from indexed rows.
 */
@Injectable()
export class ScheduleTalliesCache {
  private readonly kept = new Map<string, ScheduleTallies>();

  constructor(@Inject(EVENT_STORAGE) private readonly storage: EventStorage) {}

  /** The plans' versions as of now (one query), for `tallies` of several plans. */
  versions(): Promise<Map<string, string>> {
    return scheduleVersions(this.storage.database);
  }

  /** Undefined when the read models know no such plan. */
  async tallies(planId: string, versions?: Map<string, string>): Promise<ScheduleTallies | undefined> {
    const version = (versions ?? (await this.versions())).get(planId);
    if (version === undefined) return undefined;
    const kept = this.kept.get(planId);
    if (kept && kept.version === version) return kept;
    const fresh = await readScheduleTallies(this.storage.database, planId);
    this.kept.delete(planId);
    if (fresh) this.kept.set(planId, fresh);
    if (this.kept.size > KEPT_PLANS) this.kept.delete(this.kept.keys().next().value!);
    return fresh;
  }
}

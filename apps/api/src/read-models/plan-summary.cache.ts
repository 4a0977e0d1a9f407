import { Inject, Injectable } from '@nestjs/common';
import type { EventStorage } from '@planledger/event-store';
import { getPlanOverview, readModelsVersion } from '@planledger/projections';
import { EVENT_STORAGE } from '@planledger/runtime';
import type { PlanSummaryView } from './read-model.queries';

/** Plans whose summaries are kept; overviews are asked for a few plans at a time. */
const KEPT_PLANS = 50;

/**
 * Plan summaries, computed from the read models once per read-model version: building one reads
 * every assignment of the plan (tens of milliseconds for a county), while checking the version is
 * one indexed row. Any projected event changes the version, so no answer is ever staler than the
 * read models themselves; each process keeps its own.
 */
@Injectable()
export class PlanSummaryCache {
  private readonly summaries = new Map<string, { version: string; summary: PlanSummaryView | undefined }>();

  constructor(@Inject(EVENT_STORAGE) private readonly storage: EventStorage) {}

  /** Undefined when the read models know no such plan. */
  async summaryOf(planId: string): Promise<PlanSummaryView | undefined> {
    const version = await readModelsVersion(this.storage.database);
    const kept = this.summaries.get(planId);
    if (kept && kept.version === version) return kept.summary;
    const overview = await getPlanOverview(this.storage.database, planId);
    const summary = overview && { plan: overview.plan, phases: overview.phases, byDepartment: overview.byDepartment };
    this.summaries.delete(planId);
    this.summaries.set(planId, { version, summary });
    if (this.summaries.size > KEPT_PLANS) this.summaries.delete(this.summaries.keys().next().value!);
    return summary;
  }
}

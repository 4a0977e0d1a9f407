import { Inject, Injectable } from '@nestjs/common';
import type { PeopleDirectory } from '@planledger/auth';
import { foldPlan, occurrencePeriodKeys, outsideEventsOf, PlanStreamCache, readStreams, type OutsideEventView } from '@planledger/audit';
import { streamNames, targetViewsOf, type TargetSeriesView } from '@planledger/domain';
import type { EventStorage, StoredEvent } from '@planledger/event-store';
import { EVENT_STORAGE } from '@planledger/runtime';
import { PEOPLE_DIRECTORY } from '../auth/auth-tokens';

/**
 * GET /plans/{id}'s outside events now (ADR 0020): derived from the plan stream, not a read model.
 * The plan stream is read once and then followed by its appends (PlanStreamCache, as the as-of
 * replay does), so a request costs one indexed read of the appends plus, when some occurrence was
 * recorded, one count of the assignments issued under its period keys. The as-of answer derives
 * the same views from the replayed events (replayPlanAsOf). The plan's targets (ADR 0023) come
 * from the same kept stream, folded, rather than from loading the plan aggregate on every read.
 */
@Injectable()
export class OutsideEventsReader {
  private readonly planStreams = new PlanStreamCache();

  constructor(@Inject(EVENT_STORAGE) private readonly storage: EventStorage, @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory) {}

  async read(planId: string, at: string): Promise<OutsideEventView[]> {
    const stream = await this.planStream(planId);
    const withoutCounts = outsideEventsOf(stream, () => 0, at);
    const keys = occurrencePeriodKeys(withoutCounts);
    if (keys.length === 0) return withoutCounts;
    const rows = await this.storage.database.query<{ period_key: string; issued: number }>(
      'select period_key, count(*)::int as issued from read_assignments where plan_id = $1 and period_key = any($2::text[]) group by period_key',
      [planId, keys],
    );
    const issued = new Map(rows.map((row) => [row.period_key, Number(row.issued)]));
    return outsideEventsOf(stream, (key) => issued.get(key) ?? 0, at);
  }

  /** The plan's targets with their values and statuses now; undefined for a plan without targets (as the as-of replay leaves them out). */
  async targets(planId: string): Promise<TargetSeriesView[] | undefined> {
    const state = foldPlan(await this.planStream(planId))?.state;
    return state?.schedule?.targets?.length ? targetViewsOf(state) : undefined;
  }

  /** Who recorded each occurrence, by the name the people directory gives (the events keep only the id); both the answer now and the as-of replay. */
  async named(views: OutsideEventView[]): Promise<OutsideEventView[]> {
    if (!views.some((v) => v.occurrences.some((o) => o.recordedBy))) return views;
    const names = new Map((await this.people.list()).map((person) => [person.personId, person.name]));
    return views.map((v) => ({
      ...v,
      occurrences: v.occurrences.map((o) => (o.recordedBy && names.has(o.recordedBy.userId) ? { ...o, recordedBy: { ...o.recordedBy, displayName: names.get(o.recordedBy.userId)! } } : o)),
    }));
  }

  private async planStream(planId: string): Promise<readonly StoredEvent[]> {
    if (this.storage.kind !== 'kurrentdb') return this.planStreams.read(this.storage.database, planId);
    const [events] = await readStreams(this.storage.store, [streamNames.plan(planId)]);
    return events;
  }
}

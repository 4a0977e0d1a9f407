import { Inject, Injectable } from '@nestjs/common';
import { streamNames, type PlanSource } from '@planledger/domain';
import type { EventStorage } from '@planledger/event-store';
import { EVENT_STORAGE } from '@planledger/runtime';
import { parse } from 'yaml';

/** What the plan definition says about one measure or deliverable, as the planner wrote it. */
export interface MeasureText {
  title: string;
  kind: string | null;
  description: string | null;
  /** The document's own sentence the entry encodes (the language's `source`). */
  source: string | null;
  /** The declared name of the role leading it (班主任), when a role does (`lead: { role, of }`). */
  roleName?: string;
}

interface PlanTexts {
  version: string;
  byDuty: Map<string, MeasureText>;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim().length > 0 ? value : null);
const list = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null) : [];

/** Measures and phase deliverables of a definition by id (the obligations' measureId). */
export function measureTextsOf(definition: unknown): Map<string, MeasureText> {
  const byDuty = new Map<string, MeasureText>();
  const root = (typeof definition === 'object' && definition !== null ? definition : {}) as Record<string, unknown>;
  const roleNames = new Map(list(root.roles).map((r) => [String(r.id), text(r.name) ?? String(r.id)]));
  const add = (entry: Record<string, unknown>, kind: string | null) => {
    if (typeof entry.id !== 'string') return;
    const lead = (entry.responsible as { lead?: { role?: unknown } } | undefined)?.lead;
    const roleName = typeof lead?.role === 'string' ? roleNames.get(lead.role) : undefined;
    byDuty.set(entry.id, { title: text(entry.title) ?? entry.id, kind, description: text(entry.description), source: text(entry.source), ...(roleName && { roleName }) });
  };
  for (const measure of list(root.measures)) add(measure, text(measure.kind) ?? 'task');
  for (const phase of list(root.phases)) for (const deliverable of list(phase.deliverables)) add(deliverable, 'deliverable');
  return byDuty;
}

/**
 * The texts of each plan's definition as last recorded (drafted, revised or amended with a new
 * definition), read from the plan's stream and kept per process until the plan changes. The
 * definition was checked when it was imported; here it is only read back (YAML reads JSON too).
 */
@Injectable()
export class MeasureTexts {
  private readonly plans = new Map<string, PlanTexts>();

  constructor(@Inject(EVENT_STORAGE) private readonly storage: EventStorage) {}

  async of(planId: string, measureId: string): Promise<MeasureText | undefined> {
    const [row] = await this.storage.database.query<{ version: string }>(
      `select updated_at::text || '@' || last_position as version from read_plans where plan_id = $1`, [planId],
    );
    const version = row?.version ?? '';
    let cached = this.plans.get(planId);
    if (!cached || cached.version !== version) {
      cached = { version, byDuty: measureTextsOf(await this.latestDefinition(planId)) };
      this.plans.set(planId, cached);
    }
    return cached.byDuty.get(measureId);
  }

  private async latestDefinition(planId: string): Promise<unknown> {
    for await (const stored of this.storage.store.readStream(streamNames.plan(planId), { direction: 'backwards' })) {
      const source = (stored.data as { source?: PlanSource }).source;
      if (source?.text) return parse(source.text, { maxAliasCount: 100 });
    }
    return undefined;
  }
}

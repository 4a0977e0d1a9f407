import type { ScheduledTarget } from './scheduled-target';

/**
 * A term of a target as the plan language names it: what an amendment may change. `value` and
 * `by` are the last milestone (the target itself), `milestones` the ones before it.
 */
export type TargetTerm =
  | 'metric' | 'kind' | 'comparison' | 'unit' | 'value' | 'by' | 'milestones' | 'baseline' | 'levels' | 'direction' | 'step' | 'appliesTo' | 'measuredBy';

/** What an amendment does to the plan's targets (ADR 0023, amended 2026-12-06). */
export interface TargetChanges {
  /** Targets the new version adds (ids, in its order). */
  addedTargetIds: string[];
  /** Targets it drops: their series are no longer judged or shown; their events stay in the record. */
  removedTargetIds: string[];
  /** Targets kept under the same id whose terms differ. */
  changed: { targetId: string; terms: TargetTerm[] }[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const last = (target: ScheduledTarget) => target.milestones[target.milestones.length - 1];
const sorted = (ids: readonly string[]) => [...ids].sort();

/** Each term read from a compiled target, so that two versions compare term by term. */
const terms: Record<TargetTerm, (target: ScheduledTarget) => unknown> = {
  metric: (t) => t.metric,
  kind: (t) => t.kind,
  comparison: (t) => t.comparison ?? null,
  unit: (t) => t.unit,
  value: (t) => last(t)?.value,
  by: (t) => last(t)?.period,
  milestones: (t) => t.milestones.slice(0, -1),
  baseline: (t) => t.baseline ?? null,
  levels: (t) => t.levels ?? null,
  direction: (t) => t.direction ?? null,
  step: (t) => t.minStep ?? null,
  // Units are a set: the compiler's order is not a term.
  appliesTo: (t) => sorted(t.unitIds),
  measuredBy: (t) => (t.measuredBy ? { departmentIds: sorted(t.measuredBy.departmentIds), perUnit: t.measuredBy.perUnit } : null),
};

/** The terms of `to` that differ from `from` (empty: the same target). */
export function changedTargetTerms(from: ScheduledTarget, to: ScheduledTarget): TargetTerm[] {
  return (Object.keys(terms) as TargetTerm[]).filter((term) => !same(terms[term](from), terms[term](to)));
}

/** Targets added, removed and changed between two versions of a schedule's `targets` (absent: none). */
export function diffTargets(before: readonly ScheduledTarget[] = [], after: readonly ScheduledTarget[] = []): TargetChanges {
  const beforeById = new Map(before.map((t) => [t.targetId, t]));
  const afterIds = new Set(after.map((t) => t.targetId));
  const changed: TargetChanges['changed'] = [];
  for (const target of after) {
    const was = beforeById.get(target.targetId);
    const differ = was ? changedTargetTerms(was, target) : [];
    if (differ.length > 0) changed.push({ targetId: target.targetId, terms: differ });
  }
  return {
    addedTargetIds: after.filter((t) => !beforeById.has(t.targetId)).map((t) => t.targetId),
    removedTargetIds: before.filter((t) => !afterIds.has(t.targetId)).map((t) => t.targetId),
    changed,
  };
}

export const hasTargetChanges = (c: TargetChanges | undefined): boolean =>
  c !== undefined && c.addedTargetIds.length + c.removedTargetIds.length + c.changed.length > 0;

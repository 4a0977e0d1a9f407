import type { PlanUpload, PreparedPlan } from '@planledger/engine';
import { scheduleOutOfRange } from '../commands/instant-range';
import { rejected, type Rejected } from '../commands/command-result';
import type { PreparationRefused } from './preparation/plan-preparation.pool';
import type { PlanPreparationPool } from './preparation/plan-preparation.pool';
import type { PreviewedPlan } from './preparation/previewed-plan';

type Checked<T extends PreparedPlan | PreviewedPlan> = Extract<T, { ok: true }>;

async function inRange<T extends PreparedPlan | PreviewedPlan>(prepared: T | PreparationRefused, upload: PlanUpload): Promise<Checked<T> | Rejected> {
  if (!prepared.ok) return rejected('refused' in prepared ? prepared.refused : { kind: 'invalid_plan', errors: prepared.errors, unlisted: prepared.unlisted });
  const problems = scheduleOutOfRange(prepared.schedule, upload.rebase);
  return problems.length === 0 ? (prepared as Checked<T>) : rejected({ kind: 'invalid', problems });
}

/**
 * An uploaded definition checked and compiled, every instant of its schedule inside the range a
 * record keeps; otherwise why not: its problems, the pool's refusal, or the instants out of range
 * (named by `rebase` when the caller rebased it, by `definition` when the file itself holds them).
 */
export async function prepareInRange(pool: PlanPreparationPool, upload: PlanUpload): Promise<Checked<PreparedPlan> | Rejected> {
  return inRange(await pool.prepare(upload), upload);
}

/** The same checks, then the whole plan simulated (the import preview). */
export async function previewInRange(pool: PlanPreparationPool, upload: PlanUpload): Promise<Checked<PreviewedPlan> | Rejected> {
  return inRange(await pool.preview(upload), upload);
}

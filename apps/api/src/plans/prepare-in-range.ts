import type { PlanUpload, PreparedPlan } from '@planledger/engine';
import { scheduleOutOfRange } from '../commands/instant-range';
import { rejected, type Rejected } from '../commands/command-result';
import type { PlanPreparationPool } from './preparation/plan-preparation.pool';

/**
 * An uploaded definition checked and compiled, every instant of its schedule inside the range a
 * record keeps; otherwise why not: its problems, the pool's refusal, or the instants out of range
 * (named by `rebase` when the caller rebased it, by `definition` when the file itself holds them).
 */
export async function prepareInRange(pool: PlanPreparationPool, upload: PlanUpload): Promise<Extract<PreparedPlan, { ok: true }> | Rejected> {
  const prepared = await pool.prepare(upload);
  if (!prepared.ok) return rejected('refused' in prepared ? prepared.refused : { kind: 'invalid_plan', errors: prepared.errors, unlisted: prepared.unlisted });
  const problems = scheduleOutOfRange(prepared.schedule, upload.rebase);
  return problems.length === 0 ? prepared : rejected({ kind: 'invalid', problems });
}

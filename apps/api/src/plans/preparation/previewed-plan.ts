import type { PreparedPlan } from '@planledger/engine';
import type { PlanPreview } from '@planledger/simulation';

/** A prepared plan and, when it is valid, what a simulated run of it shows. */
export type PreviewedPlan = Extract<PreparedPlan, { ok: false }> | (Extract<PreparedPlan, { ok: true }> & { preview: PlanPreview });

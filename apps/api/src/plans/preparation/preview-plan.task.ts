import { preparePlan, type PlanUpload } from '@planledger/engine';
import { previewPlan } from '@planledger/simulation';
import type { PreviewedPlan } from './previewed-plan';

/** Runs in a worker thread of PlanPreparationPool: checking a plan and simulating all of it is CPU work. */
export default function previewPlanTask(upload: PlanUpload): PreviewedPlan {
  const prepared = preparePlan(upload);
  if (!prepared.ok) return prepared;
  return { ...prepared, preview: previewPlan(prepared.schedule, prepared.source) };
}

import { preparePlan, type PlanUpload, type PreparedPlan } from '@planledger/engine';

/** Runs in a worker thread of PlanPreparationPool: parsing, checking and compiling a plan is CPU work. */
export default function preparePlanTask(upload: PlanUpload): PreparedPlan {
  return preparePlan(upload);
}

// Test helpers for other projects' tests: `@planledger/audit/testing`. Never imported by runtime code.
export { smallPlanSteps, type PlanStep } from './small-plan-steps';
export { tamperWithStoredEvent } from './tamper';
export { runLianyunThroughEngine } from './lianyun-through-engine';

import type { PlanDefinition } from '@planledger/plan-definition';

/** The validated definition (zod output, defaults applied) and its parts as the compiler reads them. */
export type Definition = PlanDefinition;
export type DefinitionPhase = Definition['phases'][number];
export type DefinitionMeasure = Definition['measures'][number];
export type DefinitionDeliverable = DefinitionPhase['deliverables'][number];
export type DefinitionDeadline = DefinitionMeasure['deadline'];
export type DefinitionResponsibility = DefinitionMeasure['responsible'];
export type DefinitionReview = NonNullable<DefinitionMeasure['review']>;

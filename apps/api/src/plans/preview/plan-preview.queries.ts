import { Query } from '@nestjs/cqrs';
import type { Actor, PlanStatus } from '@planledger/domain';
import type { PlanUpload } from '@planledger/engine';
import type { PlanError } from '@planledger/plan-definition';
import type { PlanPreview } from '@planledger/simulation';
import type { QueryResult } from '../../commands/command-result';
import type { AmendmentPreview } from './amendment-preview';

/** The import preview: what the plan would do, and whether a plan of that id is already on record. */
export interface PlanImportPreview extends PlanPreview {
  /** `none` when no plan has this id; a draft would be revised; a published or closed one must be amended instead. */
  existingStatus: PlanStatus;
  /** What `validate` would warn of. */
  warnings: PlanError[];
}

/** Validate and simulate a definition; nothing is stored. */
export class PreviewPlanQuery extends Query<QueryResult<PlanImportPreview>> {
  constructor(readonly upload: PlanUpload) {
    super();
  }
}

/** Validate a new version of a published plan and decide (not apply) the amendment; nothing is stored. */
export class PreviewAmendmentQuery extends Query<QueryResult<AmendmentPreview & { warnings: PlanError[] }>> {
  constructor(readonly planId: string, readonly upload: PlanUpload, readonly actor: Actor) {
    super();
  }
}

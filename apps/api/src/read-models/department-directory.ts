import { Inject, Injectable } from '@nestjs/common';
import type { ScheduledDepartment } from '@planledger/domain';
import type { EventStorage } from '@planledger/event-store';
import { EVENT_STORAGE } from '@planledger/runtime';

export interface PlanDepartments {
  version: string;
  byId: Map<string, ScheduledDepartment>;
}

/**
 * The departments every plan names (read_plans.schedule), kept per process and re-read only for a
 * plan whose row changed: the schedule of a county-sized plan is megabytes of JSON, while the
 * inbox and the assignment page need only its few hundred departments.
 */
@Injectable()
export class DepartmentDirectory {
  private readonly plans = new Map<string, PlanDepartments>();

  constructor(@Inject(EVENT_STORAGE) private readonly storage: EventStorage) {}

  /** The plans' department tables, fresh as of this call. */
  async current(): Promise<ReadonlyMap<string, PlanDepartments>> {
    const versions = await this.storage.database.query<{ plan_id: string; version: string }>(
      `select plan_id, updated_at::text || '@' || last_position as version from read_plans`,
    );
    const stale = versions.filter((row) => this.plans.get(row.plan_id)?.version !== row.version);
    if (stale.length > 0) {
      const rows = await this.storage.database.query<{ plan_id: string; departments: string | null }>(
        `select plan_id, (schedule->'departments')::text as departments from read_plans where plan_id = any($1::text[])`,
        [stale.map((row) => row.plan_id)],
      );
      const versionOf = new Map(stale.map((row) => [row.plan_id, row.version]));
      for (const row of rows) {
        const departments = JSON.parse(row.departments ?? '[]') as ScheduledDepartment[];
        this.plans.set(row.plan_id, { version: versionOf.get(row.plan_id) ?? '', byId: new Map(departments.map((d) => [d.id, d])) });
      }
    }
    const live = new Set(versions.map((row) => row.plan_id));
    for (const planId of [...this.plans.keys()]) if (!live.has(planId)) this.plans.delete(planId);
    return this.plans;
  }

  /**
   * Per plan, the departments `own` reaches there: themselves and every department under them in
   * that plan's tree, as the authorization guard judges a request about one of its assignments
   * (DepartmentReach walks the same parents upwards).
   */
  async reachByPlan(own: readonly string[]): Promise<Map<string, Set<string>>> {
    const reach = new Map<string, Set<string>>();
    for (const [planId, { byId }] of await this.current()) {
      const children = new Map<string, string[]>();
      for (const department of byId.values()) {
        if (department.parent) children.set(department.parent, [...(children.get(department.parent) ?? []), department.id]);
      }
      const inPlan = new Set(own);
      let frontier = [...own];
      while (frontier.length > 0) {
        const next: string[] = [];
        for (const id of frontier) {
          for (const child of children.get(id) ?? []) {
            if (!inPlan.has(child)) {
              inPlan.add(child);
              next.push(child);
            }
          }
        }
        frontier = next;
      }
      reach.set(planId, inPlan);
    }
    return reach;
  }
}

/** The department's name in that plan (or in any plan naming it), else its id. */
export function departmentName(plans: ReadonlyMap<string, PlanDepartments>, planId: string, departmentId: string): string {
  const named = plans.get(planId)?.byId.get(departmentId) ?? [...plans.values()].find((plan) => plan.byId.has(departmentId))?.byId.get(departmentId);
  return named?.name ?? departmentId;
}

import type { Department, DepartmentClass } from '../schema';

/** Resolves a unit id to the departments it stands for: itself, or every member of a class. */
export function unitResolver(departments: readonly Department[], classes: readonly DepartmentClass[]) {
  const departmentIds = new Set(departments.map((d) => d.id));
  const classById = new Map(classes.map((c) => [c.id, c]));
  const membersOf = (c: DepartmentClass): string[] => {
    const byKind = c.membersOfKind ? departments.filter((d) => d.kind === c.membersOfKind).map((d) => d.id) : [];
    return [...new Set([...(c.members ?? []), ...byKind])];
  };
  return {
    membersOf,
    classOf: (id: string) => classById.get(id),
    /** Undefined for an unknown id (reported by the reference check, not here). */
    resolve: (id: string): string[] | undefined => {
      if (departmentIds.has(id)) return [id];
      const c = classById.get(id);
      return c ? membersOf(c) : undefined;
    },
  };
}

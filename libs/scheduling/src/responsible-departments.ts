import { leadsOf } from '@planledger/plan-definition';
import type { Definition, DefinitionResponsibility } from './definition';
import type { ProblemList } from './schedule-compilation-error';

export interface ResponsibleDepartment {
  departmentId: string;
  responsibility: 'lead' | 'co';
}

/**
 * Resolves responsibility entries to departments. A class ("各中小学校") stands for all its
 * members: explicit `members` first, then every department of `membersOfKind`.
 */
export class DepartmentDirectory {
  private readonly departmentIds: Set<string>;
  private readonly classMembers = new Map<string, string[]>();

  constructor(definition: Definition, problems: ProblemList) {
    this.departmentIds = new Set(definition.departments.map((d) => d.id));
    for (const departmentClass of definition.departmentClasses) {
      const members = new Set<string>();
      for (const member of departmentClass.members ?? []) {
        if (this.departmentIds.has(member)) members.add(member);
        else problems.add(`class "${departmentClass.id}" names "${member}", which is not a department`);
      }
      if (departmentClass.membersOfKind !== undefined) {
        for (const department of definition.departments) if (department.kind === departmentClass.membersOfKind) members.add(department.id);
      }
      this.classMembers.set(departmentClass.id, [...members]);
    }
  }

  /** The departments an id stands for: a class's members, a department itself, or none. */
  membersOf(id: string): string[] {
    return this.classMembers.get(id) ?? (this.departmentIds.has(id) ? [id] : []);
  }

  has(id: string): boolean {
    return this.departmentIds.has(id);
  }

  /**
   * Lead before co; a department named twice keeps its first (strongest) role. Joint leads
   * (联合牵头) each become a lead department; a co-responsible "liaison" stands for the 包校
   * leader of each lead department that has one.
   */
  resolve(responsible: DefinitionResponsibility, owner: string, problems: ProblemList, liaisons?: ReadonlyMap<string, string>): ResponsibleDepartment[] {
    const resolved = new Map<string, ResponsibleDepartment>();
    const add = (id: string, responsibility: 'lead' | 'co'): void => {
      const members = this.classMembers.get(id) ?? (this.departmentIds.has(id) ? [id] : undefined);
      if (members === undefined) {
        problems.add(`"${owner}" names "${id}" as responsible, which is neither a department nor a department class`);
        return;
      }
      for (const departmentId of members) if (!resolved.has(departmentId)) resolved.set(departmentId, { departmentId, responsibility });
    };
    for (const lead of leadsOf(responsible)) add(lead, 'lead');
    for (const id of responsible.co) {
      if (id !== 'liaison') add(id, 'co');
      else for (const { departmentId } of [...resolved.values()]) {
        const liaison = liaisons?.get(departmentId);
        if (liaison !== undefined && !resolved.has(liaison)) resolved.set(liaison, { departmentId: liaison, responsibility: 'co' });
      }
    }
    return [...resolved.values()];
  }
}

import type { Definition, DefinitionReview } from './definition';
import type { DepartmentDirectory } from './responsible-departments';

/** Liaison leaders (包点联校) by the schools they answer for (a class counts for its members); the first listed wins. */
export const liaisonsBySchool = (definition: Definition, directory: DepartmentDirectory): Map<string, string> => {
  const bySchool = new Map<string, string>();
  for (const liaison of definition.organisation.liaisons) {
    for (const school of liaison.schools.flatMap((id) => directory.membersOf(id))) if (!bySchool.has(school)) bySchool.set(school, liaison.id);
  }
  return bySchool;
};

/** Reviewer units in order; "liaison" becomes the department's liaison, or drops out when it has none. */
export const resolveReviewers = (review: DefinitionReview | undefined, departmentId: string, liaisons: Map<string, string>): string[] => {
  const reviewers: string[] = [];
  for (const reviewer of review?.reviewedBy ?? []) {
    const unit = reviewer === 'liaison' ? liaisons.get(departmentId) : reviewer;
    if (unit !== undefined) reviewers.push(unit);
  }
  return reviewers;
};

/**
 * Escalation levels for one department's work; `to: liaison` (督办 to the 包校 leader) becomes the
 * department's liaison, and a level drops out for a department no liaison covers (a co-responsible
 * bureau office): the checks refuse it for the lead units, the ones the level is written for.
 */
export const resolveEscalation = (
  levels: readonly { afterDays: number; to: string }[],
  departmentId: string,
  liaisons: Map<string, string>,
): { afterDays: number; to: string }[] =>
  levels.flatMap(({ afterDays, to }) => {
    const unit = to === 'liaison' ? liaisons.get(departmentId) : to;
    return unit === undefined ? [] : [{ afterDays, to: unit }];
  });

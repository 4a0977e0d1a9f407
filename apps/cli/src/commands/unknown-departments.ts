import { closestMatch, type DefinitionSource } from '@planledger/plan-definition';

/**
 * The message for department ids a plan does not have: the closest known id when it is near
 * enough to be a typo, and where the plan's departments are listed.
 */
export function unknownDepartmentsMessage(flag: string, unknown: readonly string[], known: readonly string[], sources: readonly DefinitionSource[]): string {
  const lines = unknown.map((id) => {
    const nearest = closestMatch(id, known);
    return `${flag}: the plan has no department "${id}"${nearest ? `; did you mean "${nearest}"?` : ''}`;
  });
  const files = sources.map((s) => (s.role === 'plan' ? `under "departments:" in ${s.file}` : `in the departments file ${s.file}`));
  lines.push(`  the plan's ${known.length} departments are listed ${files.join(' and ')}; a running service lists them at GET /departments`);
  return `${lines.join('\n')}\n`;
}

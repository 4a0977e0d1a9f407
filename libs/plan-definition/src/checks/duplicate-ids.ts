import type { KeyPath } from '../plan-error';
import { formatKeyPath } from '../source/key-path';
import type { CheckInput, ErrorCollector, Located } from './check-context';
import { workEntries } from './plan-entries';

/**
 * Ids must be unique within each namespace. Departments and classes share one (a measure names
 * either), and so do measures and phase deliverables (both become assignment ids).
 */
export function checkDuplicateIds(input: CheckInput, errors: ErrorCollector): void {
  const { definition: d, planFile } = input;
  const inPlan = (id: string, path: KeyPath): Located<{ id: string }> => ({ value: { id }, file: planFile, path });
  const namespaces: [string, Located<{ id: string }>[]][] = [
    ['unit', [...input.departments, ...input.classes]],
    ['phase', d.phases.map((p, i) => inPlan(p.id, ['phases', i]))],
    ['programme', d.programmes.map((p, i) => inPlan(p.id, ['programmes', i]))],
    ['measure', workEntries(d).map((w) => inPlan(w.entry.id, w.path))],
    ['target', d.targets.map((t, i) => inPlan(t.id, ['targets', i]))],
    ['work squad', d.organisation.workSquads.map((s, i) => inPlan(s.id, ['organisation', 'workSquads', i]))],
    ['liaison', d.organisation.liaisons.map((l, i) => inPlan(l.id, ['organisation', 'liaisons', i]))],
  ];
  for (const [noun, entries] of namespaces) {
    const firstSeen = new Map<string, Located<{ id: string }>>();
    for (const entry of entries) {
      const first = firstSeen.get(entry.value.id);
      if (!first) {
        firstSeen.set(entry.value.id, entry);
        continue;
      }
      const where = `${first.file === entry.file ? '' : `${first.file} `}${formatKeyPath(first.path)}`;
      errors.at(entry.file, [...entry.path, 'id'], 'duplicate-id', `${noun} id "${entry.value.id}" is already used by ${where}; ids must be unique`);
    }
  }
}

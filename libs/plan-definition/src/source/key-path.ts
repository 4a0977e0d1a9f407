import type { KeyPath } from '../plan-error';

/** ["measures", 3, "responsible", "lead"] → "measures[3].responsible.lead" */
export function formatKeyPath(path: KeyPath): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    return text === '' ? segment : `${text}.${segment}`;
  }, '');
}

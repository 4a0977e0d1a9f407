import { readFileSync } from 'node:fs';
import { parsePlanDefinition, type DefinitionSource, type PlanDefinition, type PlanError } from '@planledger/plan-definition';

export type LoadedDefinition =
  | { ok: true; definition: PlanDefinition; sources: DefinitionSource[]; warnings: PlanError[]; text: string; format: 'yaml' | 'json' }
  | { ok: false; exitCode: number };

/** Reads a file, or says on stderr why it cannot (no stack trace). */
export function readPlanFile(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    process.stderr.write(`${file}: ${unreadable(err as NodeJS.ErrnoException)}\n`);
    return undefined;
  }
}

/** Reads and checks a plan file; on failure prints every problem as `file:line:column  path  message`. */
export function loadDefinition(file: string, text = readPlanFile(file)): LoadedDefinition {
  if (text === undefined) return { ok: false, exitCode: 1 };
  const parsed = parsePlanDefinition(text, file, { readFile: (path) => readFileSync(path, 'utf8') });
  if (!parsed.ok) {
    process.stderr.write(formatErrors(parsed.errors, parsed.unlisted));
    return { ok: false, exitCode: 1 };
  }
  return { ok: true, definition: parsed.definition, sources: parsed.sources, warnings: parsed.warnings, text, format: /\.json$/i.test(file) ? 'json' : 'yaml' };
}

export function formatErrors(errors: PlanError[], unlisted = 0): string {
  const lines = errors.map((e) => `${e.file}:${e.line}:${e.column}  ${e.path || '(document)'}  ${e.message}`);
  const total = errors.length + unlisted;
  const more = unlisted > 0 ? ` (the first ${errors.length} listed)` : '';
  return `${lines.join('\n')}\n${total} problem${total === 1 ? '' : 's'} found${more}\n`;
}

/** Warnings of a valid plan, one a line, located like problems. */
export function formatWarnings(warnings: PlanError[]): string {
  return warnings.map((w) => `${w.file}:${w.line}:${w.column}  ${w.path}  warning: ${w.message}\n`).join('');
}

function unreadable(err: NodeJS.ErrnoException): string {
  if (err.code === 'ENOENT') return 'no such file';
  if (err.code === 'EISDIR') return 'is a folder, not a plan file';
  if (err.code === 'EACCES') return 'permission denied';
  return `cannot read the plan file (${err.code ?? err.message})`;
}

import type { PlanError } from './plan-error';
import { HolidaysFile, type HolidayFileDay } from './schema';
import { checkAgainstSchema } from './schema-issues/check-against-schema';
import { parseSourceDocument } from './source/source-document';

/** The environment variable naming the deployer's holiday file. */
export const HOLIDAYS_FILE_VARIABLE = 'PLANLEDGER_HOLIDAYS_FILE';

export type HolidaysFileResult = { ok: true; days: HolidayFileDay[] } | { ok: false; errors: PlanError[] };

/** Checks a holiday file (YAML or JSON): syntax, schema, a date listed twice; every error with its line. */
export function parseHolidaysFile(text: string, fileName: string): HolidaysFileResult {
  const source = parseSourceDocument(text, fileName);
  if (source.syntaxErrors.length > 0) return { ok: false, errors: source.syntaxErrors };
  const checked = checkAgainstSchema(HolidaysFile, source);
  if (!checked.complete || !checked.accepted) return { ok: false, errors: checked.errors };
  const { days } = checked.accepted.value;
  const errors: PlanError[] = [];
  const firstLine = new Map<string, number>();
  days.forEach((day, i) => {
    const located = source.locate({ file: fileName, path: ['days', i, 'date'], code: 'duplicate-id', message: '' });
    const earlier = firstLine.get(day.date);
    if (earlier !== undefined) errors.push({ ...located, message: `${day.date} is listed twice (first at line ${earlier})` });
    else firstLine.set(day.date, located.line);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, days };
}

export type HolidaysLoad = { ok: true; days: HolidayFileDay[]; file?: string } | { ok: false; message: string };

/**
 * The deployer's holiday days named by PLANLEDGER_HOLIDAYS_FILE, or none when it is unset. IO is
 * the caller's (readFile), so the CLI and the service read the same file the same way. A failure
 * is one message naming the variable, the file and each line.
 */
export function loadHolidaysFile(env: Record<string, string | undefined>, readFile: (path: string) => string): HolidaysLoad {
  const file = env[HOLIDAYS_FILE_VARIABLE];
  if (file === undefined || file === '') return { ok: true, days: [] };
  let text: string;
  try {
    text = readFile(file);
  } catch (error) {
    const reason = (error as { code?: string }).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return { ok: false, message: `${HOLIDAYS_FILE_VARIABLE}=${file}: ${reason}` };
  }
  const parsed = parseHolidaysFile(text, file);
  if (parsed.ok) return { ok: true, days: parsed.days, file };
  const lines = parsed.errors.map((e) => `${e.file}:${e.line}:${e.column}  ${e.path ? `${e.path}: ` : ''}${e.message}`);
  return { ok: false, message: `${HOLIDAYS_FILE_VARIABLE}=${file} is not a valid holiday file:\n${lines.map((l) => `  ${l}`).join('\n')}` };
}

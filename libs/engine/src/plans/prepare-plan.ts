import type { PlanSchedule, PlanSource } from '@planledger/domain';
import { chinaHolidays, withHolidayOverrides } from '@planledger/calendar';
import { parsePlanDefinition, type HolidayFileDay, type PlanError } from '@planledger/plan-definition';
import { ScheduleCompilationError, compileSchedule, holidayCoverageMessage } from '@planledger/scheduling';
import { rebaseSchedule } from './rebase-schedule';

export interface PlanUpload {
  /** The definition as written (YAML or JSON). */
  text: string;
  fileName: string;
  /** Files the definition refers to (a departmentsFile), by the name it uses. */
  files?: Record<string, string>;
  /** YYYY-MM-DD: shift every date so that the plan starts on this day. */
  rebase?: string;
  /** Import under another id (a rebased copy beside the original). */
  planId?: string;
  /** The deployer's holiday days (PLANLEDGER_HOLIDAYS_FILE) laid over chinese-days; set by the service, not by the uploader. */
  holidayFile?: { file?: string; days: HolidayFileDay[] };
}

export type PreparedPlan =
  /** `warnings`: what `validate` warns of (located like errors; a gap in the holiday table has no line). */
  | { ok: true; schedule: PlanSchedule; source: PlanSource; warnings: PlanError[] }
  /** `unlisted`: problems found beyond those listed (the parser lists the first 100). */
  | { ok: false; errors: PlanError[]; unlisted: number };

const PLAN_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Checks and compiles an uploaded definition into the schedule a DraftPlan or AmendPlan carries. */
export function preparePlan(upload: PlanUpload): PreparedPlan {
  const files = upload.files ?? {};
  const parsed = parsePlanDefinition(upload.text, upload.fileName, {
    readFile: (path) => {
      const name = Object.keys(files).find((key) => key === path || path.endsWith(`/${key}`));
      if (name === undefined) throw Object.assign(new Error(`not uploaded with the plan (send it in "files")`), { code: 'ENOENT' });
      return files[name];
    },
  });
  if (!parsed.ok) return { ok: false, errors: parsed.errors, unlisted: parsed.unlisted };
  let schedule: PlanSchedule;
  try {
    const extra = upload.holidayFile;
    schedule = compileSchedule(parsed.definition, extra?.file ? { holidays: withHolidayOverrides(chinaHolidays, extra.days, extra.file) } : {});
  } catch (error) {
    if (!(error instanceof ScheduleCompilationError)) throw error;
    return { ok: false, errors: error.problems.map((message) => problem(upload.fileName, '', message)), unlisted: 0 };
  }
  if (upload.planId !== undefined && !PLAN_ID.test(upload.planId)) {
    return { ok: false, unlisted: 0, errors: [problem('(query)', 'planId', `"${upload.planId}" is not a plan id: lower-case letters, digits and "-", at most 63`)] };
  }
  if (upload.rebase !== undefined || upload.planId !== undefined) {
    try {
      schedule = rebaseSchedule(schedule, upload.rebase ?? schedule.startsAt.slice(0, 10), upload.planId);
    } catch (error) {
      return { ok: false, errors: [problem('(query)', 'rebase', (error as Error).message)], unlisted: 0 };
    }
  }
  const format = /^\s*[{[]/.test(upload.text) ? 'json' : 'yaml';
  const holidays = holidayCoverageMessage(schedule);
  const warnings = holidays ? [...parsed.warnings, { ...problem(upload.fileName, '', holidays), code: 'holidays-not-covered' as const }] : parsed.warnings;
  return { ok: true, schedule, source: { fileName: upload.fileName, format, text: upload.text }, warnings };
}

/** A problem found after parsing has no line: it belongs to the whole plan or to a query parameter. */
const problem = (file: string, path: string, message: string): PlanError => ({ file, line: 0, column: 0, path, message, code: 'invalid-value' });

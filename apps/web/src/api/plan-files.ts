import { api, ApiError, unwrap, type ErrorBody } from './client';
import type { paths } from './schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type PlanPreview = Json<paths['/plans/preview']['post']['responses'][200]>;
export type AmendmentPreview = Json<paths['/plans/{id}/amendments/preview']['post']['responses'][200]>;
export type AmendedDepartment = AmendmentPreview['departments'][number];

/** One problem of a definition, as the service locates it (400 `invalid_plan`). */
export interface PlanProblem {
  file: string;
  /** 1-based; 0 when the problem belongs to the whole plan. */
  line: number;
  column: number;
  /** JSON path such as `phases[0].deliverables[1].responsible.co[0]`; "" for the document. */
  path: string;
  code: string;
  message: string;
}

/** A plan as the page holds it: the definition and, when it names them, its departments file and its school-calendar file (校历). */
export interface PlanFiles {
  plan: { name: string; text: string };
  departments: { name: string; text: string };
  schoolCalendar: { name: string; text: string };
}

/** Nothing pasted yet. */
export const NO_PLAN_FILES: PlanFiles = { plan: { name: '', text: '' }, departments: { name: '', text: '' }, schoolCalendar: { name: '', text: '' } };

/** One warning of the checker (`validate` prints the same): the plan is accepted, but probably not meant so. */
export type PlanWarning = PlanProblem;

/** `key: name` (YAML) or `"key": "name"` (JSON) at the top of a plan: the name of a file the plan looks for. */
const fileNamed = (planText: string, key: 'departmentsFile' | 'schoolCalendarFile'): string | undefined =>
  new RegExp(`^\\s*"?${key}"?\\s*:\\s*"?([^"\\s#,]+)"?`, 'm').exec(planText)?.[1];

/** `departmentsFile: county-departments.yaml`: the name the plan looks for. */
export const departmentsFileNamed = (planText: string): string | undefined => fileNamed(planText, 'departmentsFile');

/** `schoolCalendarFile: xiaoli-2023.yaml`: the 校历 file the plan looks for. */
export const schoolCalendarFileNamed = (planText: string): string | undefined => fileNamed(planText, 'schoolCalendarFile');

/** The files sent beside the definition, under the names the plan uses (a file with no text is not sent). */
function referencedFiles(files: PlanFiles): Record<string, string> {
  const sent: Record<string, string> = {};
  const departmentsName = departmentsFileNamed(files.plan.text) ?? files.departments.name;
  if (files.departments.text.trim() && departmentsName) sent[departmentsName] = files.departments.text;
  const calendarName = schoolCalendarFileNamed(files.plan.text) ?? files.schoolCalendar.name;
  if (files.schoolCalendar.text.trim() && calendarName) sent[calendarName] = files.schoolCalendar.text;
  return sent;
}

/** The JSON envelope the plan routes take: the definition and the files it refers to, by the name it uses. */
export function envelopeOf(files: PlanFiles, reason?: string) {
  const sent = referencedFiles(files);
  return {
    definition: files.plan.text,
    fileName: files.plan.name || (/^\s*[{[]/.test(files.plan.text) ? 'plan.json' : 'plan.yaml'),
    ...(Object.keys(sent).length > 0 && { files: sent }),
    ...(reason && { reason }),
  };
}

/** The located problems of a 400 `invalid_plan`, or undefined for any other failure. */
export function planProblemsOf(error: unknown): { problems: PlanProblem[]; unlisted: number } | undefined {
  if (!(error instanceof ApiError) || error.body.error !== 'invalid_plan') return undefined;
  const body = error.body as ErrorBody & { problems?: PlanProblem[]; unlisted?: number };
  return { problems: body.problems ?? [], unlisted: body.unlisted ?? 0 };
}

export async function previewPlan(files: PlanFiles): Promise<PlanPreview> {
  return unwrap(await api.POST('/plans/preview', { body: envelopeOf(files) as never }));
}

export async function previewAmendment(planId: string, files: PlanFiles): Promise<AmendmentPreview> {
  return unwrap(await api.POST('/plans/{id}/amendments/preview', { params: { path: { id: planId } }, body: envelopeOf(files) as never }));
}

export interface ImportedPlan {
  planId: string;
  status: 'draft';
  revised: boolean;
  title: string;
  warnings: PlanWarning[];
}

export async function importPlan(files: PlanFiles): Promise<ImportedPlan> {
  return unwrap(await api.POST('/plans', { body: envelopeOf(files) as never })) as ImportedPlan;
}

export async function publishPlan(planId: string, confirmPastDue: boolean): Promise<void> {
  unwrap(await api.POST('/plans/{id}/publish', { params: { path: { id: planId }, query: confirmPastDue ? { confirmPastDue: 'true' } : {} } }));
}

export interface AppliedAmendment {
  planId: string;
  amendment: number;
  reason: string;
}

export async function amendPlan(planId: string, files: PlanFiles, reason: string): Promise<AppliedAmendment> {
  return unwrap(await api.POST('/plans/{id}/amendments', { params: { path: { id: planId } }, body: envelopeOf(files, reason) as never })) as AppliedAmendment;
}

/** The files under the names the service will use in its problem locations. */
export function sourceFilesOf(files: PlanFiles): { name: string; text: string }[] {
  const envelope = envelopeOf(files);
  return [{ name: envelope.fileName, text: files.plan.text }, ...Object.entries(envelope.files ?? {}).map(([name, text]) => ({ name, text }))];
}

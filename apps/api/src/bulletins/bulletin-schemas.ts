import { z } from 'zod';
import { bulletinPeriodSchema } from '@planledger/bulletins';
import { planIdSchema } from '../routes/request-schemas';
import { assessmentSection } from './assessment-schemas';

const asOfText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/, 'a date (YYYY-MM-DD: the end of that day in the plan\'s time zone) or an ISO-8601 date-time with an offset');
const asOfBasis = z.enum(['recorded', 'business']).default('recorded')
  .describe('recorded (default): what the store had recorded by then; business: events whose business time is by then (use this under the virtual clock, e.g. the demo)');

export const bulletinParams = z.strictObject({ id: planIdSchema });
export const bulletinFileParams = z.strictObject({
  id: planIdSchema,
  file: z.string().min(6).max(200).regex(/\.(docx|xlsx)$/, 'the bulletin number followed by .docx or .xlsx (URL-encoded), e.g. 连区教督〔2024〕3号.docx'),
});

/** POST /plans/{id}/bulletins. */
export const issueBulletinBody = z.strictObject({
  asOf: asOfText.describe('the moment the bulletin reports on; a bare date is the end of that day where the plan lives'),
  asOfBasis,
  period: bulletinPeriodSchema.default({ kind: 'plan' })
    .describe('{kind: "plan"} (default), {kind: "phase", phaseId} (a theme year), or {kind: "window", from, to}: the work due between two dates where the plan lives (a week\'s or a month\'s bulletin)'),
  number: z.string().trim().min(1).max(60).optional().describe('发文字号, e.g. 连区教督〔2024〕3号; when absent the next in sequence for the prefix and year'),
  numberPrefix: z.string().trim().min(1).max(30).optional().describe('prefix of a generated number (default: the plan\'s own number before 〔, with 督)'),
  title: z.string().trim().min(1).max(200).optional().describe('default 关于{phase or window}工作推进情况的通报, or 关于《plan》推进情况的通报'),
  addressee: z.string().trim().min(1).max(200).optional().describe('主送, default 各责任单位'),
  plainFonts: z.boolean().default(false).describe('ask for 宋体/仿宋/黑体 instead of 方正小标宋简体/仿宋_GB2312/黑体'),
});
export type IssueBulletinBody = z.output<typeof issueBulletinBody>;

/** GET /plans/{id}/bulletins/preview. */
export const previewBulletinQuery = z.strictObject({
  asOf: asOfText.optional().describe('default: now (service clock)'),
  asOfBasis,
  phase: z.string().min(1).max(100).optional().describe('a phase id: the bulletin of that phase (theme year); the whole plan when absent'),
  from: z.iso.date().optional().describe('with `to`: the work due in this window of dates (a week, a month)'),
  to: z.iso.date().optional(),
}).refine((q) => (q.from === undefined) === (q.to === undefined), { path: ['to'], message: 'a window needs both from and to' })
  .refine((q) => q.from === undefined || q.phase === undefined, { path: ['phase'], message: 'a phase or a window, not both' })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { path: ['to'], message: 'the window ends before it starts' });

const documentAnswer = z.object({ format: z.enum(['docx', 'xlsx']), sha256: z.string(), name: z.string(), size: z.number(), mediaType: z.string(), url: z.string() });
export const issuedBulletinAnswer = z.object({
  planId: z.string(), number: z.string(), title: z.string(), issuer: z.string(), issuedOn: z.string(),
  issuedAt: z.string(), issuedBy: z.string().nullable(),
  asOf: z.object({ instant: z.string(), basis: z.enum(['recorded', 'business']), requested: z.string(), judgedAt: z.string(), eventsReplayed: z.number() }),
  period: bulletinPeriodSchema,
  documents: z.array(documentAnswer),
  figures: z.object({ issued: z.number(), accepted: z.number(), acceptedOnTime: z.number(), onTimeRate: z.number().nullable(), overdueNow: z.number(), escalatedNow: z.number() }),
  stream: z.string(), revision: z.string(),
});
export const bulletinListAnswer = z.object({ planId: z.string(), bulletins: z.array(issuedBulletinAnswer) });

const figures = {
  issued: z.number(), inReview: z.number(), returned: z.number(), accepted: z.number(), acceptedOnTime: z.number(), assessed: z.number(),
  onTimeRate: z.number().nullable(), overdueNow: z.number(), escalatedNow: z.number(), everEscalated: z.number(), waivedOrCancelled: z.number(),
};
const lateItem = z.object({
  assignmentId: z.string(), title: z.string(), departmentId: z.string(), departmentName: z.string(), phaseId: z.string().nullable(),
  dueAt: z.string(), dueDate: z.string(), dueWeekday: z.string(), daysOverdue: z.number(), escalationLevel: z.number(),
  escalatedTo: z.object({ id: z.string(), name: z.string() }).nullable(), status: z.string(),
});
export const bulletinPreviewAnswer = z.object({
  plan: z.object({ planId: z.string(), title: z.string(), documentNumber: z.string(), issuingAuthority: z.object({ id: z.string(), name: z.string() }), timeZone: z.string() }),
  period: z.object({ kind: z.enum(['plan', 'phase', 'window']), phaseId: z.string().optional(), from: z.string().optional(), to: z.string().optional(), name: z.string().nullable() }),
  asOf: z.object({ instant: z.string(), basis: z.enum(['recorded', 'business']), requested: z.string(), judgedAt: z.string(), date: z.string(), eventsReplayed: z.number() }),
  sections: z.array(z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('overview'), figures: z.object(figures) }),
    z.object({ kind: z.literal('byDepartment'), rows: z.array(z.object({ departmentId: z.string(), name: z.string(), ...figures })) }),
    z.object({ kind: z.literal('byPhase'), rows: z.array(z.object({ phaseId: z.string(), name: z.string(), status: z.string(), ...figures })) }),
    z.object({ kind: z.literal('overdue'), items: z.array(lateItem) }),
    z.object({ kind: z.literal('escalated'), items: z.array(lateItem) }),
    z.object({ kind: z.literal('ranking'), entries: z.array(z.object({
      rank: z.number(), departmentId: z.string(), name: z.string(), onTimeRate: z.number().nullable(), assessed: z.number(), overdueNow: z.number(), everEscalated: z.number(),
      decidedBy: z.enum(['first', 'onTimeRate', 'overdueNow', 'everEscalated', 'assessed', 'tied', 'nothingAssessed']),
    })) }),
    z.object({ kind: z.literal('commendations'), departments: z.array(z.object({ departmentId: z.string(), name: z.string(), accepted: z.number() })) }),
    assessmentSection,
  ])).describe('the bulletin\'s sections in document order; sections for targets, inspections and assessment will join as they are built'),
});

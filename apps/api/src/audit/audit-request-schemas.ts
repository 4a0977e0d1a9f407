import { z } from 'zod';

/** Stream names as the engine and the audit trail write them: plan-…, phase-…, assignment-…, audit-YYYY-MM. */
export const streamParams = z.strictObject({
  stream: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,299}$/, 'a stream name: letters, digits, ".", "_" and "-" (e.g. plan-lianyun-quality-2021-2024)'),
});

const asOfText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/, 'a date (YYYY-MM-DD: the end of that day in the plan\'s time zone) or an ISO-8601 date-time with an offset');

/** GET /plans/{id}/summary: without asOf the read models answer; with it, a replay of the store. */
export const planAsOfQuery = z.strictObject({
  asOf: asOfText.optional().describe('the plan as it stood at this instant, replayed from the events recorded up to then'),
  asOfBasis: z
    .enum(['recorded', 'business'])
    .default('recorded')
    .describe('recorded (default): events the store had recorded by then; business: events whose business time is by then (differs under the virtual clock)'),
});

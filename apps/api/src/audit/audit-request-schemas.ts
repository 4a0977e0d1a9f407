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

/** POST /audit/verify: libs/audit's VerifySummary. */
export const verifyAnswer = z.object({
  intact: z.boolean().describe('no broken link and no missing or damaged file'),
  headsDigest: z.string().describe('SHA-256 over every stream head: write it down, compare it later'),
  streamsChecked: z.number(),
  eventsChecked: z.number(),
  brokenLinks: z.array(z.object({ stream: z.string(), revision: z.number(), expected: z.string(), found: z.string() })),
  filesChecked: z.number(),
  damagedFiles: z.array(z.object({
    stream: z.string(), revision: z.number(), sha256: z.string(), name: z.string(),
    problem: z.enum(['missing', 'damaged']), found: z.string().optional(),
  })),
});

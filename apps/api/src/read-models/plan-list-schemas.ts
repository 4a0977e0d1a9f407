import { z } from 'zod';

/** Answer shapes of the plan and department lists (documentation and the web client's types). */

export const progressSchema = z.object({
  total: z.number().int().describe('obligations of the current schedule not issued yet, plus every issued assignment'),
  notIssued: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()).describe('issued assignments by status'),
  accepted: z.number().int(),
  percentAccepted: z.number().describe('accepted / (total − waived − cancelled), in percent with one decimal'),
});

export const planSummarySchema = z.object({
  planId: z.string(),
  title: z.string(),
  documentNumber: z.string(),
  issuingAuthority: z.string(),
  timeZone: z.string(),
  status: z.enum(['draft', 'published', 'closed']),
  startsAt: z.string(),
  endsAt: z.string(),
  amendments: z.number().int(),
  publishedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  updatedAt: z.string(),
  progress: progressSchema,
});

export const planListAnswer = z.object({ plans: z.array(planSummarySchema) });

export const departmentListAnswer = z.object({
  departments: z.array(z.object({
    departmentId: z.string(),
    name: z.string(),
    kind: z.string(),
    parent: z.string().nullable(),
    planIds: z.array(z.string()).describe('the plans whose current schedule names it'),
  })),
});

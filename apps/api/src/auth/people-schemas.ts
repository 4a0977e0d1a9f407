import { roleSchema } from '@planledger/auth';
import { z } from 'zod';
import { departmentIdSchema } from '../routes/request-schemas';

/** Person ids become token subjects and the record's actor ids: ASCII, short, no spaces. */
export const personIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/, 'a person id: letters, digits, ".", "_", "@" and "-"');

export const personParams = z.strictObject({ id: personIdSchema });

export const registerPersonBody = z.strictObject({
  id: personIdSchema.optional().describe('the person id (token subject); generated when absent'),
  name: z.string().trim().min(1).max(200).describe('display name, e.g. 张三'),
  roles: z.array(roleSchema).min(1).max(5),
  departments: z.array(departmentIdSchema).max(100).default([]).describe('department ids; the departments under them are covered too'),
  expires: z.string().regex(/^\d{1,6}[smhdw]$/, 'a lifetime such as 30d, 12h').default('90d').describe('lifetime of the token issued now'),
});

export const revokePersonBody = z.strictObject({
  reason: z.string().trim().min(1).max(2000).optional().describe('why, for the record'),
});

/** GET /admin/clock. */
export const clockAnswer = z.object({ now: z.string(), virtual: z.boolean().describe('true under --virtual-clock (demo): then POST /admin/clock moves it') });
/** POST /admin/clock: where business time stands now, and how many timers fired on the way. */
export const clockAdvancedAnswer = z.object({ now: z.string(), steps: z.number().int(), fired: z.number().int() });

/** A person as the directory answers: in the people list, and after revoking or registering. */
export const personAnswer = z.object({
  personId: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
  departments: z.array(z.string()),
  registeredAt: z.string(),
  revokedAt: z.string().optional(),
  revokedReason: z.string().optional(),
  passwordSetAt: z.string().optional(),
});

/** GET /admin/people: everyone registered, revoked people included. */
export const peopleListAnswer = z.object({
  people: z.array(personAnswer),
});

import { roleSchema } from '@planledger/auth';
import { z } from 'zod';
import { personAnswer, personIdSchema } from './people-schemas';

export { personAnswer };

/** Request and answer shapes of sign-in, sessions, invitations and the sign-in audit (the web app's client is generated from them). */

export const signInBody = z.strictObject({
  login: z.string().trim().min(1).max(100).describe('the person id'),
  password: z.string().min(1).max(1000),
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(1000),
  newPassword: z.string().min(1).max(1000).describe('at least 10 characters, not among the common passwords'),
});

export const invitationParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'an invitation token') });

export const acceptInvitationBody = z.strictObject({
  password: z.string().min(1).max(1000).describe('at least 10 characters, not among the common passwords'),
});

export const signInAuditQuery = z.strictObject({
  person: personIdSchema.optional().describe('one person (login); everyone when absent'),
  from: z.iso.datetime({ offset: true }).optional().describe('start (inclusive); default 30 days before `to`'),
  to: z.iso.datetime({ offset: true }).optional().describe('end (exclusive); default just after now (service clock), so what was recorded now is included'),
});

export const signInExportQuery = signInAuditQuery.extend({ format: z.enum(['xlsx', 'csv']).describe('xlsx (one sheet) or csv (UTF-8 with BOM)') });

export const sessionPersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
  departments: z.array(z.string()),
});

export const sessionAnswer = z.object({ person: sessionPersonSchema, expiresAt: z.string().describe('when the session ends if unused (idle or absolute end, whichever comes first)') });

export const invitationAnswer = z.object({ name: z.string(), login: z.string(), expiresAt: z.string() });


export const invitationIssuedAnswer = z.object({ personId: z.string(), invitationUrl: z.string(), expiresAt: z.string() });

export const registerPersonAnswer = z.object({
  person: personAnswer,
  token: z.string().optional().describe('a bearer token for programs (absent under an external OIDC issuer)'),
  expiresAt: z.string().optional(),
  invitationUrl: z.string().describe('one-time link (7 days) where the person sets a password'),
  invitationExpiresAt: z.string(),
});

export const signInAuditAnswer = z.object({
  from: z.string(),
  to: z.string(),
  entries: z.array(z.object({
    type: z.enum(['SignedIn', 'SignedOut', 'SignInFailed', 'AccountLocked', 'InvitationIssued', 'InvitationUsed', 'PasswordChanged']),
    at: z.string(),
    personId: z.string(),
    clientAddress: z.string().optional(),
    actor: z.string().optional().describe('who recorded it: the person, or the admin who issued an invitation'),
    stream: z.string(),
    revision: z.string(),
    detail: z.record(z.string(), z.unknown()),
  })),
});

import { z } from 'zod';

/** The five roles of the bureau's record. A person may hold several (a head who also plans). */
export const ROLES = ['planner', 'department_head', 'department_member', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** Who a verified token says the caller is. */
export interface Principal {
  /** Stable person id (`sub`); what the record stores as the actor's userId. */
  subject: string;
  /** Display name, e.g. 张三. */
  name: string;
  roles: Role[];
  /** Department ids the person belongs to; the hierarchy below them is covered too. */
  departments: string[];
  /** `jti`: lets one token be told apart from the person's others in logs and revocations. */
  tokenId: string;
  expiresAt: Date;
}

/** Claims planledger's own tokens carry (and what OIDC claims are mapped onto). */
export const planledgerClaimsSchema = z.object({
  sub: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  roles: z.array(roleSchema).min(1),
  departments: z.array(z.string().min(1).max(100)).default([]),
  exp: z.number().int(),
  jti: z.string().min(1).max(200),
});

export type PlanledgerClaims = z.output<typeof planledgerClaimsSchema>;

export const principalOf = (claims: PlanledgerClaims): Principal => ({
  subject: claims.sub,
  name: claims.name,
  roles: [...new Set(claims.roles)],
  departments: [...new Set(claims.departments)],
  tokenId: claims.jti,
  expiresAt: new Date(claims.exp * 1000),
});

import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ROLES, planledgerClaimsSchema, principalOf, type Principal } from './principal';
import { TOKEN_ALGORITHM, type SigningKeys } from './signing-keys';
import { TOKEN_ISSUER } from './token-issuer';

/**
 * Why a token was refused. The message names the reason only, never the token: callers put it
 * in 401 answers and logs.
 */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
  constructor(readonly reason: 'expired' | 'bad_signature' | 'malformed' | 'bad_claims' | 'revoked' | 'unavailable', message: string) {
    super(message);
  }
}

export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

/** jose's errors → a reason; jose's own messages may quote claim values, so they are not passed on. */
function refusal(error: unknown): InvalidTokenError {
  if (error instanceof InvalidTokenError) return error;
  if (error instanceof errors.JWTExpired) return new InvalidTokenError('expired', 'the token has expired');
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return new InvalidTokenError('bad_signature', 'the token is not signed by a key this service trusts');
  }
  if (error instanceof errors.JWTClaimValidationFailed) return new InvalidTokenError('bad_claims', `the token's "${error.claim}" claim is not acceptable`);
  if (error instanceof errors.JWKSTimeout || (error instanceof errors.JOSEError && error.code === 'ERR_JOSE_GENERIC')) {
    return new InvalidTokenError('unavailable', 'the identity provider\'s keys could not be fetched');
  }
  return new InvalidTokenError('malformed', 'not a well-formed signed JWT');
}

function claimsToPrincipal(payload: unknown): Principal {
  const parsed = planledgerClaimsSchema.safeParse(payload);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? 'payload')))];
    throw new InvalidTokenError('bad_claims', `the token lacks valid claims: ${fields.join(', ')}`);
  }
  return principalOf(parsed.data);
}

/** planledger's own tokens: ES256 by the service's key, issuer "planledger", exp required. */
export class LocalTokenVerifier implements TokenVerifier {
  constructor(private readonly keys: Pick<SigningKeys, 'publicKey'>) {}

  async verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.keys.publicKey, { issuer: TOKEN_ISSUER, algorithms: [TOKEN_ALGORITHM], requiredClaims: ['exp', 'sub', 'jti'] });
      return claimsToPrincipal(payload);
    } catch (error) {
      throw refusal(error);
    }
  }
}

export interface OidcSettings {
  issuer: string;
  jwksUrl: string;
  /** Dotted path of the roles claim, e.g. `realm_access.roles` (Keycloak). */
  rolesClaim: string;
  departmentsClaim: string;
  /** Optional `aud` the tokens must carry. */
  audience?: string;
}

/** `a.b.c` in a JWT payload; providers nest claims (Keycloak's realm_access.roles). */
const claimAt = (payload: JWTPayload, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), payload);

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : []);

/**
 * Tokens of an external OpenID Connect issuer, checked against its JWKS (cached and refreshed
 * by jose). Its claims are mapped onto planledger's: roles and departments from the configured
 * claims (roles other than planledger's five are ignored), name from `name` or `preferred_username`.
 */
export class OidcTokenVerifier implements TokenVerifier {
  private readonly keySet: JWTVerifyGetKey;

  constructor(private readonly settings: OidcSettings, keySet?: JWTVerifyGetKey) {
    this.keySet = keySet ?? createRemoteJWKSet(new URL(settings.jwksUrl));
  }

  async verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.keySet, { issuer: this.settings.issuer, audience: this.settings.audience, requiredClaims: ['exp', 'sub'] });
      const roles = asList(claimAt(payload, this.settings.rolesClaim)).filter((role) => (ROLES as readonly unknown[]).includes(role));
      return claimsToPrincipal({
        sub: payload.sub,
        name: payload.name ?? payload.preferred_username ?? payload.sub,
        roles,
        departments: asList(claimAt(payload, this.settings.departmentsClaim)),
        exp: payload.exp,
        // Providers need not set jti; the issue time still tells two tokens apart in logs.
        jti: payload.jti ?? `${payload.sub}@${payload.iat ?? payload.exp}`,
      });
    } catch (error) {
      throw refusal(error);
    }
  }
}

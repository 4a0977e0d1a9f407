import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Role } from './principal';
import { TOKEN_ALGORITHM, type SigningKeys } from './signing-keys';

/** `iss` of planledger's own tokens; the verifier accepts no other. */
export const TOKEN_ISSUER = 'planledger';

export interface TokenRequest {
  subject: string;
  name: string;
  roles: Role[];
  departments?: string[];
  lifetimeSeconds: number;
  /** Issue time; the CLI and the service pass the system clock. */
  now?: Date;
}

export interface IssuedToken {
  token: string;
  tokenId: string;
  expiresAt: Date;
}

/** Signs a bearer token with the service's private key. */
export async function issueToken(keys: SigningKeys, request: TokenRequest): Promise<IssuedToken> {
  if (!keys.privateKey) throw new Error('this process holds only the public key (AUTH_PUBLIC_KEY_FILE): it cannot issue tokens');
  const issuedAt = Math.floor((request.now ?? new Date()).getTime() / 1000);
  const expiresAt = issuedAt + request.lifetimeSeconds;
  const tokenId = randomUUID();
  const token = await new SignJWT({ name: request.name, roles: request.roles, departments: request.departments ?? [] })
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: keys.keyId, typ: 'JWT' })
    .setIssuer(TOKEN_ISSUER)
    .setSubject(request.subject)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .setJti(tokenId)
    .sign(keys.privateKey);
  return { token, tokenId, expiresAt: new Date(expiresAt * 1000) };
}

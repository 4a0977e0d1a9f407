import { LocalTokenVerifier, loadSigningKeys, OidcTokenVerifier, SigningKeyError, type SigningKeys, type TokenVerifier } from '@planledger/auth';
import { ConfigError, type ServiceConfig } from '@planledger/runtime';

export type AuthConfig = Partial<Pick<ServiceConfig,
  | 'DATA_DIR' | 'DATABASE_URL' | 'KURRENTDB_URL' | 'AUTH_PRIVATE_KEY_FILE' | 'AUTH_PUBLIC_KEY_FILE'
  | 'AUTH_OIDC_ISSUER' | 'AUTH_OIDC_JWKS_URL' | 'AUTH_OIDC_ROLES_CLAIM' | 'AUTH_OIDC_DEPARTMENTS_CLAIM' | 'AUTH_OIDC_AUDIENCE'>>;

export interface AuthSetup {
  verifier: TokenVerifier;
  /** Undefined under an external OIDC issuer. */
  keys?: SigningKeys;
  /** The embedded default: PGlite, no key files, no OIDC. Only then is an admin token made on first start. */
  embeddedDefault: boolean;
}

/**
 * Which tokens this process trusts. The embedded default (PGlite, one process) generates its key
 * under DATA_DIR/keys. With DATABASE_URL or KURRENTDB_URL several processes serve the same
 * record, so the key must come from AUTH_PRIVATE_KEY_FILE (the same file everywhere): a key
 * generated per process would make each reject the others' tokens.
 */
export async function setUpAuth(config: AuthConfig): Promise<AuthSetup> {
  if (config.AUTH_OIDC_ISSUER && config.AUTH_OIDC_JWKS_URL) {
    const verifier = new OidcTokenVerifier({
      issuer: config.AUTH_OIDC_ISSUER, jwksUrl: config.AUTH_OIDC_JWKS_URL, audience: config.AUTH_OIDC_AUDIENCE,
      rolesClaim: config.AUTH_OIDC_ROLES_CLAIM ?? 'roles', departmentsClaim: config.AUTH_OIDC_DEPARTMENTS_CLAIM ?? 'departments',
    });
    return { verifier, embeddedDefault: false };
  }
  const sharedStore = Boolean(config.DATABASE_URL || config.KURRENTDB_URL);
  const keyFiles = Boolean(config.AUTH_PRIVATE_KEY_FILE || config.AUTH_PUBLIC_KEY_FILE);
  if (sharedStore && !keyFiles) {
    throw new ConfigError([`AUTH_PRIVATE_KEY_FILE: required with ${config.DATABASE_URL ? 'DATABASE_URL' : 'KURRENTDB_URL'} (every api process must verify the same tokens; or set AUTH_OIDC_ISSUER)`]);
  }
  try {
    const keys = await loadSigningKeys({
      privateKeyFile: config.AUTH_PRIVATE_KEY_FILE, publicKeyFile: config.AUTH_PUBLIC_KEY_FILE,
      dataDir: config.DATA_DIR ?? './data', createIfMissing: !sharedStore,
    });
    return { verifier: new LocalTokenVerifier(keys), keys, embeddedDefault: !sharedStore && !keyFiles };
  } catch (error) {
    if (error instanceof SigningKeyError) throw new ConfigError([error.message]);
    throw error;
  }
}

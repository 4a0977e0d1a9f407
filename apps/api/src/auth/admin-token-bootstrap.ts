import { Inject, Injectable, Optional, type OnApplicationBootstrap } from '@nestjs/common';
import { adminTokenFileOf, issueToken, PersonConflictError, readAdminToken, writeAdminToken, type PeopleDirectory } from '@planledger/auth';
import { SERVICE_CONFIG } from '@planledger/runtime';
import { AUTH_SETUP, PEOPLE_DIRECTORY, SECRET_ANNOUNCER, type SecretAnnouncer } from './auth-tokens';
import type { AuthConfig, AuthSetup } from './auth-setup';

export const ADMIN_SUBJECT = 'admin';
const ADMIN_TOKEN_LIFETIME_SECONDS = 365 * 86_400;

/**
 * First start of the embedded default: someone must be able to register the first people. An
 * admin token is issued, kept in DATA_DIR/admin-token (0600) and printed once on stdout (never
 * into the JSON log). The admin is registered in the directory, so it can be revoked like anyone.
 */
@Injectable()
export class AdminTokenBootstrap implements OnApplicationBootstrap {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: AuthConfig,
    @Inject(AUTH_SETUP) private readonly setup: AuthSetup,
    @Inject(PEOPLE_DIRECTORY) private readonly directory: PeopleDirectory,
    @Optional() @Inject(SECRET_ANNOUNCER) private readonly announce: SecretAnnouncer = (line) => process.stdout.write(`${line}\n`),
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const dataDir = this.config.DATA_DIR ?? './data';
    if (!this.setup.embeddedDefault || !this.setup.keys || readAdminToken(dataDir) !== undefined) return;
    const system = { userId: 'planledger', role: 'system' };
    await this.directory.register({ personId: ADMIN_SUBJECT, name: 'administrator', roles: ['admin'], departments: [] }, system).catch((error: unknown) => {
      if (!(error instanceof PersonConflictError)) throw error;
    });
    const { token, expiresAt } = await issueToken(this.setup.keys, { subject: ADMIN_SUBJECT, name: 'administrator', roles: ['admin'], lifetimeSeconds: ADMIN_TOKEN_LIFETIME_SECONDS });
    const file = writeAdminToken(dataDir, token);
    this.announce(`planledger: first start: an admin token (valid until ${expiresAt.toISOString().slice(0, 10)}) is in ${adminTokenFileOf(dataDir)}:`);
    this.announce(`  ${token}`);
    this.announce(`  register people with it: curl -H "Authorization: Bearer $(cat ${file})" .../admin/people`);
  }
}

import { Inject, Injectable, Optional, type OnApplicationBootstrap } from '@nestjs/common';
import { adminTokenFileOf, issueToken, PersonConflictError, readAdminToken, writeAdminToken, type Accounts, type PeopleDirectory } from '@planledger/auth';
import { SERVICE_CONFIG } from '@planledger/runtime';
import { ACCOUNTS, AUTH_SETUP, PEOPLE_DIRECTORY, SECRET_ANNOUNCER, type SecretAnnouncer } from './auth-tokens';
import type { AuthConfig, AuthSetup } from './auth-setup';
import { invitationUrl } from './invitation-links';

export const ADMIN_SUBJECT = 'admin';
const ADMIN_TOKEN_LIFETIME_SECONDS = 365 * 86_400;
const SYSTEM = { userId: 'planledger', role: 'system' };

/**
 * First start on a fresh record: someone must be able to register the first people. The admin is
 * registered in the directory (revocable like anyone) and a one-time link is printed with which
 * they set a password in the browser. The embedded default also keeps an admin token for
 * programs and the CLI in DATA_DIR/admin-token (0600). Both go to stdout, never into the JSON log.
 */
@Injectable()
export class AdminTokenBootstrap implements OnApplicationBootstrap {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: AuthConfig & { PUBLIC_URL?: string; PORT?: number },
    @Inject(AUTH_SETUP) private readonly setup: AuthSetup,
    @Inject(PEOPLE_DIRECTORY) private readonly directory: PeopleDirectory,
    @Inject(ACCOUNTS) private readonly accounts: Accounts,
    @Optional() @Inject(SECRET_ANNOUNCER) private readonly announce: SecretAnnouncer = (line) => process.stdout.write(`${line}\n`),
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.firstAdminLink();
    await this.adminToken();
  }

  /** Only the process that registers the admin prints the link (several processes may start at once on PostgreSQL). */
  private async firstAdminLink(): Promise<void> {
    if (await this.directory.get(ADMIN_SUBJECT)) return;
    try {
      await this.directory.register({ personId: ADMIN_SUBJECT, name: 'administrator', roles: ['admin'], departments: [] }, SYSTEM);
    } catch (error) {
      if (error instanceof PersonConflictError) return;
      throw error;
    }
    const { token, expiresAt } = await this.accounts.invite(ADMIN_SUBJECT, SYSTEM);
    this.announce(`planledger: first start: the administrator (login "${ADMIN_SUBJECT}") sets a password with this one-time link (valid until ${expiresAt.slice(0, 10)}):`);
    this.announce(`  ${invitationUrl(this.config, token)}`);
    this.announce(`  a new link: npx planledger people invite ${ADMIN_SUBJECT}`);
  }

  private async adminToken(): Promise<void> {
    const dataDir = this.config.DATA_DIR ?? './data';
    if (!this.setup.embeddedDefault || !this.setup.keys || readAdminToken(dataDir) !== undefined) return;
    const { token, expiresAt } = await issueToken(this.setup.keys, { subject: ADMIN_SUBJECT, name: 'administrator', roles: ['admin'], lifetimeSeconds: ADMIN_TOKEN_LIFETIME_SECONDS });
    const file = writeAdminToken(dataDir, token);
    this.announce(`planledger: an admin token for programs and the CLI (valid until ${expiresAt.toISOString().slice(0, 10)}) is in ${adminTokenFileOf(dataDir)}:`);
    this.announce(`  ${token}`);
    this.announce(`  register people with it: curl -H "Authorization: Bearer $(cat ${file})" .../admin/people`);
  }
}

import { Controller, Inject, Optional } from '@nestjs/common';
import { DirectoryRefusedError, issueToken, parseTokenLifetime, PersonConflictError, PersonNotFoundError, type Accounts, type PeopleDirectory, type SigningKeys } from '@planledger/auth';
import { SERVICE_CONFIG } from '@planledger/runtime';
import type { Actor } from '@planledger/domain';
import { Acting } from '../actor/request-actor';
import { ApiError } from '../http/api-errors';
import { Route, Valid, type RequestOf } from '../routes/route.decorators';
import { ACCOUNTS, PEOPLE_DIRECTORY, SIGNING_KEYS } from './auth-tokens';
import { invitationUrl } from './invitation-links';

/** Admins manage who may act; the people are events in the `directory` stream, the tokens are signed here. */
@Controller()
export class AdminPeopleController {
  constructor(
    @Inject(PEOPLE_DIRECTORY) private readonly directory: PeopleDirectory,
    @Inject(ACCOUNTS) private readonly accounts: Accounts,
    @Inject(SERVICE_CONFIG) private readonly config: { PUBLIC_URL?: string; PORT?: number },
    @Optional() @Inject(SIGNING_KEYS) private readonly keys?: SigningKeys,
  ) {}

  @Route('registerPerson')
  async register(@Valid('registerPerson') { body, correlationId }: RequestOf<'registerPerson'>, @Acting() actor: Actor) {
    const lifetimeSeconds = parseTokenLifetime(body.expires);
    if (this.keys && !this.keys.privateKey) throw new ApiError(503, { error: 'unavailable', message: 'this process has only the public key (AUTH_PUBLIC_KEY_FILE) and cannot issue tokens' });
    const person = await this.directory
      .register({ personId: body.id, name: body.name, roles: body.roles, departments: body.departments }, actor, correlationId)
      .catch((error: unknown) => {
        throw error instanceof PersonConflictError ? new ApiError(409, { error: 'already_exists', message: error.message }) : error;
      });
    // People sign in with a password they set through this one-time link; programs use the token.
    const invitation = await this.accounts.invite(person.personId, actor, correlationId);
    const link = { invitationUrl: invitationUrl(this.config, invitation.token), invitationExpiresAt: invitation.expiresAt };
    // Under an external OIDC issuer the provider hands out tokens; the directory still records (and revokes) the person.
    if (!this.keys) return { person, ...link };
    const issued = await issueToken(this.keys, { subject: person.personId, name: person.name, roles: person.roles, departments: person.departments, lifetimeSeconds });
    return { person, token: issued.token, expiresAt: issued.expiresAt.toISOString(), ...link };
  }

  @Route('invitePerson')
  async invite(@Valid('invitePerson') { params, correlationId }: RequestOf<'invitePerson'>, @Acting() actor: Actor) {
    const invitation = await this.accounts.invite(params.id, actor, correlationId).catch((error: unknown) => {
      if (error instanceof PersonNotFoundError) throw new ApiError(404, { error: 'not_found', message: error.message });
      if (error instanceof DirectoryRefusedError) throw new ApiError(409, { error: 'revoked', message: error.message });
      throw error;
    });
    return { personId: params.id, invitationUrl: invitationUrl(this.config, invitation.token), expiresAt: invitation.expiresAt };
  }

  @Route('listPeople')
  async list() {
    return { people: await this.directory.list() };
  }

  @Route('revokePerson')
  async revoke(@Valid('revokePerson') { params, body, correlationId }: RequestOf<'revokePerson'>, @Acting() actor: Actor) {
    return this.accounts.revoke(params.id, body?.reason ?? 'revoked by an admin', actor, correlationId).catch((error: unknown) => {
      throw error instanceof PersonNotFoundError ? new ApiError(404, { error: 'not_found', message: error.message }) : error;
    });
  }
}

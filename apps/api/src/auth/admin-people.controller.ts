import { Controller, Inject, Optional } from '@nestjs/common';
import { issueToken, parseTokenLifetime, PersonConflictError, PersonNotFoundError, type PeopleDirectory, type SigningKeys } from '@planledger/auth';
import type { Actor } from '@planledger/domain';
import { Acting } from '../actor/request-actor';
import { ApiError } from '../http/api-errors';
import { Route, Valid, type RequestOf } from '../routes/route.decorators';
import { PEOPLE_DIRECTORY, SIGNING_KEYS } from './auth-tokens';

/** Admins manage who may act; the people are events in the `directory` stream, the tokens are signed here. */
@Controller()
export class AdminPeopleController {
  constructor(
    @Inject(PEOPLE_DIRECTORY) private readonly directory: PeopleDirectory,
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
    // Under an external OIDC issuer the provider hands out tokens; the directory still records (and revokes) the person.
    if (!this.keys) return { person };
    const issued = await issueToken(this.keys, { subject: person.personId, name: person.name, roles: person.roles, departments: person.departments, lifetimeSeconds });
    return { person, token: issued.token, expiresAt: issued.expiresAt.toISOString() };
  }

  @Route('listPeople')
  async list() {
    return { people: await this.directory.list() };
  }

  @Route('revokePerson')
  async revoke(@Valid('revokePerson') { params, body, correlationId }: RequestOf<'revokePerson'>, @Acting() actor: Actor) {
    return this.directory.revoke(params.id, body?.reason ?? 'revoked by an admin', actor, correlationId).catch((error: unknown) => {
      throw error instanceof PersonNotFoundError ? new ApiError(404, { error: 'not_found', message: error.message }) : error;
    });
  }
}

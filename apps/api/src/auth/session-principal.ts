import type { OpenSession, Person, Principal } from '@planledger/auth';

/**
 * A session yields the same Principal a bearer token would, from the directory's current entry:
 * route policies apply unchanged, and a change of roles applies to open sessions at once.
 */
export const principalOfSession = (person: Person, session: OpenSession): Principal => ({
  subject: person.personId,
  name: person.name,
  roles: [...person.roles],
  departments: [...person.departments],
  tokenId: `session:${session.idSha256.slice(0, 16)}`,
  expiresAt: session.expiresAt,
});

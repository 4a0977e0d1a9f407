import { issueToken, loadSigningKeys, type Role } from '@planledger/auth';

export interface ServicePerson {
  subject: string;
  roles: Role[];
  departments?: string[];
}

/**
 * `Authorization` headers for a person, signed with the service's key: the one it generated
 * under DATA_DIR/keys on first start, or the AUTH_PRIVATE_KEY_FILE the test gave it.
 */
export async function bearerFor(source: { dataDir?: string; privateKeyFile?: string }, person: ServicePerson): Promise<Record<string, string>> {
  const keys = await loadSigningKeys({ dataDir: source.dataDir ?? './data', privateKeyFile: source.privateKeyFile, createIfMissing: false });
  const { token } = await issueToken(keys, { subject: person.subject, name: person.subject, roles: person.roles, departments: person.departments ?? [], lifetimeSeconds: 3600 });
  return { authorization: `Bearer ${token}` };
}

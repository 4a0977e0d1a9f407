import type { Command } from 'commander';
import { issueToken, loadSigningKeys, parseTokenLifetime, ROLES, SigningKeyError, type Role } from '@planledger/auth';

export interface TokenCreateOptions {
  role: string[];
  name: string;
  department: string[];
  expires: string;
  subject?: string;
}

export interface TokenIo {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerTokenCreateCommand(program: Command): void {
  const token = program.command('token').description('bearer tokens for the service api');
  token
    .command('create')
    .description(
      "sign a token with the service's key: AUTH_PRIVATE_KEY_FILE, else DATA_DIR/keys (default ./data; the service creates it on first start). " +
        'Prints the token only, so that $(npx planledger token create ...) can be used directly.',
    )
    .requiredOption('--role <role>', `${ROLES.join(', ')} (repeatable)`, collect, [])
    .requiredOption('--name <name>', 'display name, e.g. 张三')
    .option('--department <id>', 'department id (repeatable); the departments under it are covered too', collect, [])
    .option('--expires <lifetime>', 'lifetime: 30d, 12h, 90m', '30d')
    .option('--subject <id>', 'person id the record will name (default: derived from the name)')
    .action(async (options: TokenCreateOptions) => {
      process.exitCode = await createToken(options, { env: process.env, stdout: process.stdout, stderr: process.stderr });
    });
}

/** Exit code 0 with the token on stdout; 2 for a bad option; 1 when no key can be read. */
export async function createToken(options: TokenCreateOptions, { env, stdout, stderr }: TokenIo): Promise<number> {
  const unknown = options.role.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (options.role.length === 0 || unknown.length > 0) {
    stderr.write(`token create: --role must be one of ${ROLES.join(', ')}${unknown.length ? ` (got ${unknown.join(', ')})` : ''}\n`);
    return 2;
  }
  let lifetimeSeconds: number;
  try {
    lifetimeSeconds = parseTokenLifetime(options.expires);
  } catch (error) {
    stderr.write(`token create: --expires ${(error as Error).message}\n`);
    return 2;
  }
  try {
    // Never creates a key: a token signed by a key the service does not hold would be useless.
    const keys = await loadSigningKeys({ privateKeyFile: env.AUTH_PRIVATE_KEY_FILE || undefined, dataDir: env.DATA_DIR || './data', createIfMissing: false });
    const subject = options.subject ?? `cli-${options.name.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase()}`;
    const { token, expiresAt } = await issueToken(keys, { subject, name: options.name, roles: options.role as Role[], departments: options.department, lifetimeSeconds });
    stdout.write(`${token}\n`);
    stderr.write(`token create: ${subject} (${options.role.join(', ')}) until ${expiresAt.toISOString()}\n`);
    return 0;
  } catch (error) {
    if (error instanceof SigningKeyError) {
      stderr.write(`token create: ${error.message}; start the service once (npm start) to create the key\n`);
      return 1;
    }
    throw error;
  }
}

/**
 * argon2id (OWASP's first choice) through @node-rs/argon2: a prebuilt native binary per platform,
 * no install script. Parameters are OWASP's minimum (19 MiB, 2 passes, 1 lane), kept in the hash
 * string so that later parameters still verify old hashes. Loaded on first use: only sign-in pays.
 */
type Argon2 = typeof import('@node-rs/argon2');
let argon2: Argon2 | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy: the module loads a native binary
const lib = (): Argon2 => (argon2 ??= require('@node-rs/argon2') as Argon2);

const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
/** Algorithm.Argon2id in @node-rs/argon2 (a const enum, which isolated modules cannot read). */
const ARGON2ID = 2;

export async function hashPassword(password: string): Promise<string> {
  return lib().hash(password, { ...OPTIONS, algorithm: ARGON2ID });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await lib().verify(hash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the time of one verification for a login that has no hash, so timing tells nothing. */
export async function verifyNothing(password: string): Promise<void> {
  dummy ??= hashPassword('planledger-no-such-person');
  await verifyPassword(await dummy, password);
}

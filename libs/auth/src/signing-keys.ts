import { createPrivateKey, createPublicKey } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { calculateJwkThumbprint, exportJWK, exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, importSPKI, type CryptoKey } from 'jose';

/** planledger signs its tokens with ECDSA P-256: small signatures, keys cheap to generate on first start. */
export const TOKEN_ALGORITHM = 'ES256';

export interface SigningKeys {
  /** Absent on processes given only the public key: they verify tokens but cannot issue any. */
  privateKey?: CryptoKey;
  publicKey: CryptoKey;
  /** JWK thumbprint of the public key, written as `kid` so a rotated key is recognisable. */
  keyId: string;
  /** Where the keys came from, for the start-up log line. */
  origin: string;
}

export interface KeySource {
  /** AUTH_PRIVATE_KEY_FILE: PKCS#8 PEM. The public key is derived from it unless given. */
  privateKeyFile?: string;
  /** AUTH_PUBLIC_KEY_FILE: SPKI PEM. Alone, the process verifies but cannot issue. */
  publicKeyFile?: string;
  /** DATA_DIR: without key files, the pair lives under DATA_DIR/keys. */
  dataDir: string;
  /** Generate the pair under DATA_DIR/keys when it is not there yet (the embedded default). */
  createIfMissing: boolean;
}

export class SigningKeyError extends Error {
  override readonly name = 'SigningKeyError';
}

export const keysDirOf = (dataDir: string): string => join(resolve(dataDir), 'keys');
const PRIVATE_FILE = 'token-signing.private.pem';
const PUBLIC_FILE = 'token-signing.public.pem';

/** Loads the pair from the configured files, or from (or into) DATA_DIR/keys. */
export async function loadSigningKeys(source: KeySource): Promise<SigningKeys> {
  if (source.privateKeyFile || source.publicKeyFile) {
    const privatePem = source.privateKeyFile ? readPem(source.privateKeyFile, 'AUTH_PRIVATE_KEY_FILE') : undefined;
    const publicPem = source.publicKeyFile ? readPem(source.publicKeyFile, 'AUTH_PUBLIC_KEY_FILE') : derivePublicPem(privatePem!, 'AUTH_PRIVATE_KEY_FILE');
    return importPair(privatePem, publicPem, [source.privateKeyFile, source.publicKeyFile].filter(Boolean).join(', '));
  }
  const dir = keysDirOf(source.dataDir);
  const privatePath = join(dir, PRIVATE_FILE);
  const existing = tryRead(privatePath);
  if (existing !== undefined) return importPair(existing, derivePublicPem(existing, privatePath), dir);
  if (!source.createIfMissing) {
    throw new SigningKeyError(`no token signing key in ${dir}: set AUTH_PRIVATE_KEY_FILE (the same key on every api process), or AUTH_OIDC_ISSUER`);
  }
  const generated = await generatePairInto(dir);
  return importPair(generated, derivePublicPem(generated, dir), dir);
}

/** Writes a fresh pair; 'wx' makes a concurrent first start keep whichever pair was written first. */
async function generatePairInto(dir: string): Promise<string> {
  const { privateKey, publicKey } = await generateKeyPair(TOKEN_ALGORITHM, { extractable: true });
  const privatePem = await exportPKCS8(privateKey);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  try {
    writeFileSync(join(dir, PRIVATE_FILE), privatePem, { mode: 0o600, flag: 'wx' });
    writeFileSync(join(dir, PUBLIC_FILE), await exportSPKI(publicKey), { mode: 0o600 });
    return privatePem;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(join(dir, PRIVATE_FILE), 'utf8');
    throw error;
  }
}

/** A fresh pair as PEM text (for `token keygen`-style set-ups and tests of clusters). */
export async function generateSigningKeyPem(): Promise<{ privatePem: string; publicPem: string }> {
  const { privateKey, publicKey } = await generateKeyPair(TOKEN_ALGORITHM, { extractable: true });
  return { privatePem: await exportPKCS8(privateKey), publicPem: await exportSPKI(publicKey) };
}

async function importPair(privatePem: string | undefined, publicPem: string, origin: string): Promise<SigningKeys> {
  try {
    const publicKey = await importSPKI(publicPem, TOKEN_ALGORITHM, { extractable: true });
    const privateKey = privatePem === undefined ? undefined : await importPKCS8(privatePem, TOKEN_ALGORITHM);
    return { privateKey, publicKey, keyId: await calculateJwkThumbprint(await exportJWK(publicKey)), origin };
  } catch (error) {
    throw new SigningKeyError(`${origin}: not an ES256 (P-256) key in PEM form (${(error as Error).message})`);
  }
}

function derivePublicPem(privatePem: string, where: string): string {
  try {
    return createPublicKey(createPrivateKey(privatePem)).export({ type: 'spki', format: 'pem' }).toString();
  } catch {
    throw new SigningKeyError(`${where}: not a private key in PEM (PKCS#8) form`);
  }
}

function readPem(file: string, variable: string): string {
  const text = tryRead(file);
  if (text === undefined) throw new SigningKeyError(`${variable}="${file}": the file cannot be read`);
  return text;
}

function tryRead(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

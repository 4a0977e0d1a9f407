/** NIST SP 800-63B: a length floor and a blocklist of common passwords, no composition rules. */
export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 200;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_login';

let common: Set<string> | undefined;
/**
 * About 49,000 passwords most seen in breaches (zxcvbn's list), lower-cased. Loaded on first use
 * so that nothing which never checks a password (the CLI's other commands) pays for it.
 */
function commonPasswords(): Set<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily on purpose (see above)
  common ??= new Set((require('@zxcvbn-ts/language-common') as { dictionary: Record<string, string[]> }).dictionary['passwords-common']!.map((p) => p.toLowerCase()));
  return common;
}

/** What is wrong with a new password, or undefined when it may be used. */
export function passwordProblem(password: string, login?: string): { problem: PasswordProblem; message: string } | undefined {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return { problem: 'too_short', message: `a password needs at least ${MIN_PASSWORD_LENGTH} characters (this one has ${length})` };
  if (length > MAX_PASSWORD_LENGTH) return { problem: 'too_long', message: `a password may have at most ${MAX_PASSWORD_LENGTH} characters` };
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return { problem: 'common', message: 'this password is among the most common ones; choose another' };
  if (login && login.length >= 3 && lower.includes(login.toLowerCase())) return { problem: 'contains_login', message: 'a password may not contain the login' };
  return undefined;
}
